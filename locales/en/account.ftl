## API tokens
tokens-title = API tokens
tokens-lead = API tokens let other systems (e.g. your office's applications) use Juara on behalf of this account through /api/v1.
tokens-new = New token
tokens-name = Token name
tokens-name-hint = What the token is for, e.g. "SIPD integration".
tokens-create = Create token
tokens-created = Token created
tokens-shown-once = Copy this token now: it will not be shown again.
tokens-prefix = Prefix
tokens-created-at = Created
tokens-last-used = Last used
tokens-revoke = Revoke
tokens-revoked = Revoked
tokens-none = No tokens yet.
flash-token-revoked = The token has been revoked.
nav-tokens = API tokens

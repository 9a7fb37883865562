# JSON API messages
api-err-has-children = This criterion has { $count } sub-criteria; repeat with cascade=true to remove them all.
api-err-body = The request body cannot be read: { $detail }

apidocs-title = API documentation
apidocs-lead = Everything you can do in Juara's pages other systems can do through the JSON API under /api/v1, with the same rules, regional scope, deadlines and audit trail.
apidocs-start = Getting started
apidocs-step-token = Create an API token for your account:
apidocs-tokens-link = API tokens
apidocs-step-header = Send it with every request in the header
apidocs-step-formats = Scores and weights are decimal strings ("85.5"), money whole rupiah integers, times RFC 3339; errors answer an ApiError body naming each refused field.
apidocs-step-language = Error messages are in Bahasa Indonesia; for English send
apidocs-openapi = OpenAPI 3.1 document (JSON)
apidocs-contents = Contents
apidocs-schemas = Schemas
apidocs-public = public, no token
apidocs-params = Parameters
apidocs-body = Request body:
apidocs-answers = Answers
footer-api = API documentation

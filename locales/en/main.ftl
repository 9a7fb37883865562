# English.

## Layout
nav-label = Main navigation
nav-regions = Regions
nav-admin = Committee
nav-users = Users
nav-my-account = My account
nav-judge = Judging
nav-village = My village
nav-login = Log in
nav-logout = Log out
footer-about = Juara — the village and kelurahan competition system for DPMPD/DPMD offices.
footer-data-licence = Region data from idn-area-data (Kemendagri), available under the Open Database License
pagination-label = Pages
pagination-prev = Previous
pagination-next = Next
pagination-status = Page { $page } of { $pages }

## Home
home-title = Village and Kelurahan Competitions
home-lead = Nominations of achieving villages, blind scoring by judging panels, and transparent announcement of winners.
home-to-dashboard = Open dashboard
home-how-title = How it works
home-how-1 = The DPMPD committee sets up a competition: criteria, judging stages and prizes.
home-how-2 = Village operators submit a nomination with supporting documents.
home-how-3 = Judges score blind; results and score breakdowns are published for everyone.
home-browse-regions = Browse the region registry

## Levels and roles
level-province = Province
level-regency = Regency/City
level-district = District (kecamatan)
level-village = Village/Kelurahan
level-province-plural = provinces
level-regency-plural = regencies and cities
level-village-plural = villages and kelurahan
role-admin = Committee (admin)
role-judge = Judge
role-village = Village operator
role-judge-plural = judges
role-village-plural = village operators

## Session
login-title = Log in
login-submit = Log in
login-help = Forgot your password? Contact the DPMPD committee of your province.
login-failed = Wrong username or password.
login-throttled = Too many failed login attempts. Try again in { $minutes } minutes.
flash-logged-in = Welcome back, { $name }.
flash-logged-in-first = Welcome to Juara, { $name }.
flash-logged-out = You have logged out.

## Account
password-title = Change password
password-submit = Save new password
flash-password-changed = Password changed. Sessions on other devices have been ended.
field-username = Username
field-password = Password
field-current-password = Current password
field-new-password = New password
field-confirm-password = Repeat new password
field-display-name = Full name
field-role = Role
field-region-code = Region code
field-village-code = Village code
hint-password = At least 10 characters.
hint-password-optional = Leave empty to generate a random password, shown once.
hint-username = 3–64 characters: lower-case letters, digits, dot, underscore or hyphen.
hint-village-code = For village operators, e.g. 64.02.01.2001.
hint-region-code = Committee: region managed (empty = national). Judge: home region, used for conflicts of interest.

## Dashboards
admin-title = Committee dashboard
admin-scope = Region managed
admin-scope-national = Region managed: national
admin-actions = Actions
judge-title = Judge dashboard
judge-welcome = Welcome, { $name }.
judge-home-region = Home region
judge-home-region-help = You will never be assigned villages in your home region.
judge-no-home-region = No home region recorded.
judge-assignments = Assignments
judge-no-assignments = No nominations have been assigned to you yet.
village-title = My village
village-nominations = Nominations
village-no-nominations = No nominations yet.

## Regions
regions-title = Region registry
regions-search = Search
regions-search-placeholder = Region name or code
regions-level = Level
regions-all-levels = All levels
regions-found = { $count } regions found.
regions-none = No matching regions.
regions-children = { $count } regions below
col-code = Code
col-name = Name
col-level = Level
col-kind = Kind
col-region = Region

## Accounts (admin)
users-title = User accounts
users-new = New account
users-create = Create account
users-created = Account created
users-password-once = Write this password down now: it will not be shown again.
users-search-placeholder = Search name or username
users-all-roles = All roles
users-none = No accounts yet.
users-deactivate = Deactivate
users-activate = Activate
flash-user-activated = The account has been activated.
flash-user-deactivated = The account has been deactivated and its sessions ended.

## Field errors
err-control-char = The input contains characters that are not allowed.
err-required = Required.
err-length = The length is not accepted.
err-choice = Choose one of the options.
err-range = The value is out of range.
err-number = Must be a number.
err-invalid = Invalid value.
err-username-format = Usernames are 3–64 characters: lower-case letters, digits, dot, underscore or hyphen.
err-username-taken = This username is taken.
err-outside-scope = This region is outside the region you manage.
err-unknown-village = Unknown village code.
err-unknown-region = Unknown region code (use a province, regency/city or district code).
err-password-too-short = Passwords have at least 10 characters.
err-password-too-long = Passwords have at most 128 characters.
err-password-is-username = The password must differ from the username.
err-current-password = The current password is wrong.
err-password-mismatch = The two new passwords differ.
err-password-guessable = This password is too easy to guess (a common word, a repeat or a sequence). Combine several uncommon words.

## Error pages
error-back-home = Back to the home page
error-400-title = Bad request
error-401-title = Login required
error-403-title = Access denied
error-404-title = Not found
error-413-title = Too large
error-422-title = Invalid input
error-429-title = Too many requests
error-500-title = Something went wrong
error-503-title = Service unavailable
error-400 = The request could not be processed.
error-401 = Please log in to open this page.
error-403 = You may not open this page, or the form has expired. Reload the page and try again.
error-404 = The page or record you are looking for does not exist.
error-413 = The file or form exceeds the size limit of one request (the limit is shown beside the upload field). Go back, make the file smaller or split it, and upload again. What you typed is kept on this device.
error-422 = Please check your input.
error-429 = Too many requests. Wait a moment and try again.
error-500 = A server error occurred. Please try again later; it has been logged.
error-503 = The database cannot be reached. The service is disrupted; please try again shortly. You do not need to log in again.
error-password-change-required = This account's password must be changed first (Account → Change password).

## Sessions and security
password-must-change = This account's password was generated. Change it now before continuing.
logout-all-title = Log out on all devices
logout-all-help = Ends every session of this account in every browser and device, including this one. API tokens are not affected.
logout-all-submit = Log out on all devices
flash-logged-out-all = You have been logged out on all devices.
lockouts-title = Login lockouts
lockouts-intro = Repeated failed logins from one address, or too many for one account, in the last 30 days.
lockouts-empty = No lockouts.
lockouts-when = Time
lockouts-account = Account
lockouts-kind = Kind
lockouts-detail = Details
lockouts-kind-address = Address locked for a while
lockouts-kind-account = Account slowed down
lockouts-link = Login lockouts
confirm-step = This step cannot be undone. Continue?
confirm-remove = Remove this?
form-summary = Please check the following:
form-draft-restored = Unsaved entries were restored from this device. Press Save to keep them.
form-draft-discard = Discard the restored entries
form-uploading = Uploading…
admin-running = Running competitions
admin-all-competitions = All competitions
admin-to-review = { $n } nominations waiting for review
admin-accepted = { $n } nominations accepted
admin-no-running = No competition is running yet. Start with "New competition".

# Region fields (type-ahead over the registry)
field-region = Region
field-village = Village
region-picker-hint = Type the region's name and pick it from the list, or enter its code.
region-picker-none = No matching region.
region-picker-count = %n matching regions. Use the arrow keys, then Enter.
region-level-province = Province
region-level-regency = Regency/City
region-level-district = District
region-level-village = Village
region-title-province = { $name } Province
region-title-district = { $name } District
err-region-unknown = Region not found. Type its name and pick it from the list, or enter the Kemendagri code (e.g. 64.72).
err-region-ambiguous = Several regions have this name. Pick one from the list, or enter its code (e.g. 34.04).
err-region-mismatch = The code and the region name do not match. Pick again from the list, or enter the code only.

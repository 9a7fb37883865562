# Competition nominations — English.

## Village home
nom-open-title = Competitions you can enter
nom-open-none = No competition is open to your village right now.
nom-deadline = Nomination deadline
nom-no-deadline = No deadline
nom-create = Create a nomination
nom-open-existing = Open nomination
nom-mine-title = Our nominations
nom-review-note = Committee note

## Statuses
nom-status-draft = Draft
nom-status-submitted = Submitted
nom-status-accepted = Passed the administrative check
nom-status-rejected = Failed the administrative check
nom-status-withdrawn = Withdrawn
nom-origin-advanced = Winner from the level below
dev-status-sangat_tertinggal = Very underdeveloped
dev-status-tertinggal = Underdeveloped
dev-status-berkembang = Developing
dev-status-maju = Advanced
dev-status-mandiri = Self-reliant

## Profile form
nom-edit-title = Nomination
nom-profile-title = Village profile
nom-field-head_name = Name of the village head
nom-field-head_is_acting = The head is acting (Pj)
nom-field-development_status = Development status
nom-field-population = Population
nom-field-households = Households
nom-field-contact_name = Contact person
nom-field-contact_phone = Contact phone/WhatsApp
nom-field-contact_email = Contact e-mail
nom-field-achievements = Past achievements
nom-field-description = Description of the village
nom-choose = — Choose —
nom-save = Save draft
nom-locked = This nomination can no longer be changed.

## Documents
nom-checklist-title = Document checklist
nom-criteria-title = Evidence per criterion
nom-required = Required
nom-optional = Optional
nom-kind-file = File
nom-kind-link = Link
nom-no-documents = No documents yet.
nom-upload-title = Upload a file
nom-upload-hint = PDF, JPG or PNG, at most { $mb } MB.
nom-field-target = For
nom-field-file = File
nom-upload = Upload
nom-link-title = Add a link (e.g. the profile video)
nom-field-url = Link address (https://…)
nom-field-label = Link title
nom-add-link = Add link
nom-remove = Remove
nom-checklist-complete = Every required document is present.
nom-checklist-incomplete = Some required documents are still missing.

## Submit and withdraw
nom-submit-title = Submit
nom-submit-hint = Once submitted, the nomination can no longer be changed.
nom-submit = Submit to the committee
nom-withdraw = Withdraw nomination
nom-withdraw-hint = A nomination can be withdrawn until judging starts.
nom-problems-title = The nomination cannot be submitted yet:

## Messages
nom-flash-created = Draft created. Complete the profile and documents, then submit before the deadline.
nom-flash-saved = Draft saved.
nom-flash-uploaded = File uploaded.
nom-flash-link-added = Link added.
nom-flash-removed = Document removed.
nom-flash-submitted = Nomination submitted to the committee.
nom-flash-withdrawn = Nomination withdrawn.
nom-flash-accepted = The nomination passed the administrative check.
nom-flash-rejected = The nomination failed the administrative check.
nom-flash-advanced = { $created } nominations brought in; { $skipped } skipped ({ $already } already entered).
nom-err-duplicate = Your village already has a nomination in this competition.
nom-err-not-eligible = This competition is not open to your village.
nom-err-stale = This nomination was saved from another tab or device. Check your entries, then save again to overwrite it.
nom-err-too-long-short = At most 120 characters.
nom-err-too-long = Too long (at most 5,000 characters).
nom-err-negative = Must not be below 0.
nom-err-households = Households cannot exceed the population.
nom-err-phone = The phone number must have 8–15 digits (a leading +, spaces or dashes allowed).
nom-err-email = Invalid e-mail address.
nom-err-url = The link must be a complete http:// or https:// address.
nom-err-target = Choose the document or criterion this is for.
nom-err-target-link = This item is a link; use the link form.
nom-err-target-file = This item is a file; upload the file.
nom-err-file-empty = The file is empty.
nom-err-file-too-large = The file is too large. The limit is { $mb } MB.
nom-err-file-type = File type not allowed. Upload a PDF, JPG or PNG.
nom-err-withdraw-late = The nomination can no longer be withdrawn: judging has started.
nom-err-reason-required = A reason is required.
nom-err-not-reviewable = This nomination cannot be reviewed in its current status.
nom-problem-not-draft = This nomination was already submitted and can no longer be changed.
nom-problem-closed = The nomination deadline has passed; the nomination can no longer be changed or submitted.
nom-problem-missing-field = Not filled in: { $field }.
nom-problem-missing-document = Required document missing: { $label }.
nom-problem-category = The competition's category does not match your village's kind.
nom-problem-scope = Your village lies outside this competition's region.
nom-problem-status = Your village's development status is not among those allowed to enter.
nom-problem-acting-head = This competition requires a definitive village head (not acting).
nom-problem-full = This competition has reached its maximum number of entries.

## Committee
nom-admin-title = Nominations received
nom-filter-status = Status
nom-filter-kabupaten = Regency/city
nom-filter-kecamatan = District
nom-filter-any = Any
nom-filter = Filter
nom-col-village = Village
nom-col-kecamatan = District
nom-col-kabupaten = Regency/city
nom-col-status = Status
nom-col-submitted = Submitted
nom-none = No nominations yet.
nom-open = Open
nom-review-title = Administrative check
nom-field-decision = Decision
nom-decision-accept = Pass
nom-decision-reject = Fail
nom-field-reason = Reason (shown to the village; required to fail)
nom-review-submit = Save decision
nom-audit-title = History
nom-advance-title = Bring in winners from the level below
nom-advance-hint = Prize winners of final results one level below, in your region. Villages already entered are skipped.
nom-advance-none = No nominations can be brought in.
nom-advance-submit = Bring in the selected
nom-col-source = Source competition
nom-rules = Who may enter
nom-rules-statuses = development status
nom-rules-any-status = every village of the competition's region and category
nom-rules-definitive = a definitive (not acting) head of village
nom-stages = Stages:
nom-add-evidence = Upload a file or add a link
nom-file-too-large = The file is too large: at most { $mb } MB. Make it smaller or split it.
nom-no-documents-short = None yet
nom-criteria-done = { $done } of { $total } criteria have evidence

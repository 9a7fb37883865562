# Judging — English.

## Judge
jdg-dash-title = My score sheets
jdg-dash-progress = { $done } of { $total } sheets submitted
jdg-all = All
jdg-filter = Filter
jdg-stage = Stage
jdg-status = Status
jdg-village = Village
jdg-deadline = Judging deadline
jdg-status-assigned = Not started
jdg-status-draft = Draft
jdg-status-submitted = Submitted
jdg-profile = Village profile and evidence
jdg-evidence = Evidence
jdg-subtotal = Weighted subtotal
jdg-answered = { $done } of { $total } indicators answered
jdg-aspect-subtotal = Aspect subtotal
jdg-score = Score
jdg-step = step
jdg-na = Not applicable
jdg-comment = Comment
jdg-visit = Field verification
jdg-visit-date = Visit date
jdg-visit-notes = Visit notes
jdg-save = Save draft
jdg-submit = Submit scores
jdg-submit-hint = Once submitted the sheet is locked; only the committee can reopen it.
jdg-reopened-because = Reopened by the committee
jdg-flash-saved = Draft saved.
jdg-flash-submitted = Scores submitted and locked.

## Errors
jdg-err-number = Enter a number, e.g. 3 or 3.5.
jdg-err-out-of-scale = The score must be between { $min } and { $max }.
jdg-err-off-step = The score must be on a step of { $step } from the lowest value.
jdg-err-na-required = This indicator must be scored; "not applicable" is not allowed.
jdg-err-outside-scope = This indicator is not among the aspects assigned to you.
jdg-err-unknown-criterion = Unknown indicator.
jdg-err-invalid = Some scores were refused; nothing was saved.
jdg-err-incomplete = { $count } indicators are still unanswered.
jdg-err-unanswered = Not answered yet.
jdg-err-stale = This sheet was saved from another tab or device. Reload the page to see the latest version; nothing was overwritten.
jdg-err-locked = The sheet is submitted and locked.
jdg-err-no-spec = The competition's criteria set-up is invalid; contact the committee.
jdg-closed-not-judging = The competition is not in judging.
jdg-closed-stage = The committee has closed this stage.
jdg-closed-deadline = The judging deadline has passed.
jdg-err-form = The form is incomplete or invalid.
jdg-err-seed = The draw number must be a whole number (no letters or punctuation), or leave it empty.
jdg-err-reason = A reason is required.
jdg-err-not-submitted = The sheet is not submitted, so there is nothing to reopen.
jdg-err-already-closed = This stage is already closed.
jdg-err-sheets-missing = Some sheets are not submitted yet. Tick "close although incomplete" and add a note to close anyway.
jdg-err-drawn = The presentation order has already been drawn.
jdg-err-schedule-start = Enter the start date and time, e.g. 2026-08-10 08:00.
jdg-err-schedule-minutes = Minutes per village must be between 1 and 600.
jdg-err-not-drawn = Draw the presentation order first.
jdg-err-region = Region code not found.
jdg-region-hint = A village, kecamatan, kabupaten/kota or province code, e.g. 33.19.01 (every village inside it is covered).
jdg-err-conflict-exists = This conflict of interest is already recorded.

## Committee
jdg-admin-title = Judging
jdg-per-entry = { $n } judges per entry
jdg-panel = Judging panel
jdg-panel-add = Add to panel
jdg-all-aspects = all aspects
jdg-aspects = Aspects scored
jdg-aspects-hint = Leave empty to score every aspect.
jdg-judge = Judge
jdg-remove = Remove
jdg-assign = Assignment
jdg-seed = Draw number
jdg-seed-hint-draw = Leave it empty to let the system pick one. The number is recorded and published: the same number always gives the same order, so anyone can check the draw.
jdg-seed-hint-assign = Leave it empty to let the system pick one. The number is recorded: the same number always gives the same assignment, so it can be checked later.
jdg-auto-assign = Assign automatically
jdg-manual-assign = Assign manually
jdg-progress = Progress
jdg-late = Late
jdg-sheets = Score sheets
jdg-reason = Reason
jdg-reopen = Reopen
jdg-close = Close stage
jdg-close-force = Close although incomplete
jdg-close-note = Closing note
jdg-closed = Closed
jdg-draw = Presentation order
jdg-draw-do = Draw the order
jdg-schedule = Save schedule
jdg-schedule-start = Start ({ $zone })
jdg-schedule-minutes = Minutes per entry
jdg-assign-no-panel = This stage has no panel yet.
jdg-assign-too-few = Some entries do not have enough judges free of conflicts.
jdg-assign-panel-small = This stage's panel has only { $panel } judge(s), but the stage asks for { $needed } judges per entry. Add judges to the panel, or lower "Judges per entry" in the stage settings.
jdg-assign-subpanel-small = Only { $panel } judge(s) score some aspects of this stage, but the stage asks for { $needed } judges per entry. Add judges for those aspects, or lower "Judges per entry" in the stage settings.
jdg-assign-conflicts = These entries do not have { $needed } judges free of conflicts of interest: { $entries }. Add judges from other regions to the panel.
jdg-assign-free-judges = { $village } ({ $free } judge(s) free of conflict)
jdg-assign-unbalanced = Conflicts make balanced workloads (within one) impossible.
jdg-assign-zero = Judges per entry must be at least 1.
jdg-assign-started = Judging has started in this stage; automatic assignment would discard judges' work.
jdg-assign-conflict = This judge has a conflict of interest with that entry.
jdg-assign-duplicate = This judge is already assigned to that entry.
jdg-assign-in-use = This sheet has been worked on and cannot be removed.
jdg-flash-panel = Panel updated.
jdg-flash-assigned = Assignment saved.
jdg-flash-unassigned = Assignment removed.
jdg-flash-reopened = Sheet reopened; the judge will see the reason.
jdg-flash-closed = Stage closed.
jdg-flash-drawn = Presentation order drawn.
jdg-flash-scheduled = Presentation schedule saved.

## Conflicts
jdg-conflicts-title = Conflicts of interest
jdg-conflicts-help = A judge never sees or scores entries from the regions recorded here, nor from their home region.
jdg-region = Region code (village, kecamatan or kabupaten)
jdg-declare = Record conflict
jdg-flash-conflict = Conflict of interest recorded.
jdg-flash-conflict-withdrawn = Conflict of interest recorded. { $n } of this judge's sheets for villages in that region are kept but no longer counted in results; the committee needs to assign another judge.
jdg-flash-conflict-removed = Conflict of interest removed.

## Photos
jdg-photos = Verification photos
jdg-photo-add = Upload photo
jdg-err-photo = Choose a JPEG or PNG photo within the size limit.
jdg-flash-photo = Photo saved.
jdg-draw-position = presenting { $n }
jdg-err-visit-date = The visit date is not valid (format YYYY-MM-DD).
jdg-incomplete-entries = Entries with sheets still missing

## Public presentation schedule
pres-title = Presentation schedule
pres-nav = Schedule
pres-lead = The committee draws the order in which villages present. The draw number is recorded so anyone can re-run the draw and get the same order.
pres-none = No competition has drawn a presentation order yet.
pres-drawn-at = Drawn
pres-you = You
pres-mine = Your place: { $n } in stage { $stage }
pres-at = on { $time }

# Judges × entries grid
grid-title = Judging progress: judges × entries
grid-total = Submitted
grid-total-hint = "Submitted" = sheets submitted / sheets counted (excluded ones left out).
grid-legend = Legend
grid-empty = No judge on the panel or no accepted entry yet.
grid-indicators = { $done }/{ $total } indicators
grid-state-none = Not assigned
grid-state-assigned = Not started
grid-state-draft = Draft
grid-state-submitted = Submitted
grid-state-reopened = Reopened
grid-state-excluded = Excluded
grid-help-none = this judge does not score this entry
grid-help-assigned = assigned, nothing scored yet
grid-help-draft = some indicators scored, not submitted
grid-help-submitted = the sheet is submitted
grid-help-reopened = reopened by the committee, to be submitted again
grid-help-excluded = not counted because of a conflict of interest
jdg-levels = Level descriptors: tap to choose

## Trainee judges
jdg-trainee = trainee, not counted
jdg-trainee-field = Trainee judge
jdg-trainee-hint = A trainee is assigned and scores like the other judges, and the committee sees their scores, but they never count in the results. The assignment draw uses counted judges only; a trainee gets every entry of this stage they have no conflict of interest with.
jdg-trainee-locked = This judge has started scoring this stage: whether they count can no longer change, and a trainee who has scored stays on the panel (still not counted).

## The panel's differences of opinion, for its judges after their own submission
jdg-dis-title = The panel's differences of opinion
jdg-dis-lead = Indicators of the entries whose sheet you have submitted on which the judges are far apart, for the plenary. Other judges stay anonymous; your own answers are marked.
jdg-dis-you = you
jdg-dis-link = The panel's differences of opinion: { $competition }

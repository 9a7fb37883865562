# Results — English.

## Committee page
res-title = Results
res-preview-lead = Preview computed from the submitted score sheets. Not published yet.
res-announced-lead = Results are announced. Scores can no longer change except through a correction.
res-problems = Results cannot be computed yet
res-ranking = Ranking
res-incomplete = Entries not completely scored (not ranked)
res-shortlists = Entries going on to the next stage
res-extended-by-ties = extended by ties
res-excluded-sheets = Score sheets not counted
res-statistics = Judging reliability
res-outliers = Outlying score sheets
res-export-csv = Download CSV
res-export-xlsx = Download Excel (XLSX)
res-minutes = Plenary minutes
res-minutes-date = Date of the meeting
res-minutes-place = Place
res-minutes-members = Members present
res-minutes-decision = Decision
res-minutes-save = Save the minutes
res-announce = Approve and announce
res-announce-hint = The results are frozen as an immutable version with a hash, then published.
res-versions = Result versions
res-correct = Correct the results
res-correct-hint = A correction creates a new version with a mandatory reason. Earlier versions stay readable.
res-correct-nomination = Village whose scores are corrected
res-correct-load = Show scores
res-correct-reason = Reason for the correction
res-correct-submit = Publish the corrected version
res-appeals = Appeals
res-appeal-accept = Accept with a correction
res-appeal-reject = Reject the appeal
res-appeal-reason = Reason for rejecting
res-advance = Advance winners to the next level
res-advance-target = Next-level competition
res-advance-top = Number of top winners

## Columns
res-col-rank = Rank
res-col-village = Village
res-col-kecamatan = District
res-col-kabupaten = Regency/City
res-col-final = Final score
res-col-prize = Prize
res-col-decided-by = Decided by
res-col-stage = Stage
res-col-judges = Judges
res-col-judge = Judge
res-col-criterion = Criterion
res-col-value = Value
res-col-panel = Panel score
res-col-weight = Weight
res-col-contribution = Contribution
res-col-cash = Cash prize
res-col-assistance = Financial assistance
res-col-paid = Paid
res-col-outstanding = Outstanding
res-shared = shared
res-eliminated-at = eliminated at stage
res-total-cash = Total cash
res-total-assistance = Total assistance
res-na = Not applicable
res-trimmed = Dropped by the trimmed mean

## Tie-breaks
res-tb-stage = Higher score in stage { $stage }
res-tb-criterion = Higher score on { $code } (stage { $stage })
res-tb-spread = Smaller spread between judges in stage { $stage }
res-tb-minimum = Higher lowest judge total in stage { $stage }

## Public
res-nav = Results
res-protocol-link = See your village score protocol
res-attachment = Attachment
res-public-title = Announced competition results
res-public-none = No results have been announced yet.
res-filter-year = Year
res-filter-region = Region code
res-filter = Search
res-version = Version
res-announced-at = announced
res-hash = Results hash (SHA-256)
res-correction-reason = Reason for the correction

## Village protocol
res-protocol-title = Our village's score protocol
res-protocol-not-ranked = Your village is not in the ranking.
res-chart = Aspect scores against the winner and the field average
res-chart-mine = Our village
res-chart-winner = Winner
res-chart-average = Average
res-appeal-title = Appeal
res-appeal-body = Your appeal
res-appeal-file = Attachment (optional)
res-appeal-submit = Send the appeal
res-appeal-unavailable = Appeals are not possible for this competition or the appeal period has ended.
res-appeal-open = Being handled by the committee
res-appeal-accepted = Accepted, results corrected
res-appeal-rejected = Rejected

## Prizes and disbursement
res-prizes-title = Prize allocation and disbursement
res-payments = Recorded transfers
res-payment-record = Record a transfer
res-payment-kind = Kind
res-payment-amount = Amount (rupiah)
res-payment-account = Recipient account
res-payment-reference = Transfer reference
res-payment-date = Transfer date
res-payment-proof = Proof of transfer (optional)

## Messages
res-flash-minutes = Minutes saved.
res-flash-announced = Results announced (version { $version }).
res-flash-corrected = Correction published as version { $version }.
res-flash-rejected = Appeal rejected.
res-flash-appealed = Appeal sent.
res-flash-disbursed = Transfer recorded.
res-flash-advanced = { $count } winners advanced to { $target }.
res-err-not-judging = Results can be computed once judging has started.
res-err-engine = Invalid score sheets: { $detail }
res-err-allocation = Prizes cannot be allocated: { $detail }
res-err-required = Required.
res-err-date = Enter the date as YYYY-MM-DD.
res-err-minutes-first = Record the plenary minutes before announcing.
res-err-status = The competition's status does not allow this.
res-err-reason = A reason for the correction is required.
res-err-score = A corrected score does not belong to this competition.
res-err-score-value = Enter a number (e.g. 85 or 85.5) or TB for not applicable.
res-err-answer = A reason for rejecting is required.
res-err-appeal-answered = This appeal has already been answered.
res-err-appeal-closed = The appeal period has ended or appeals are not open.
res-err-appeal-exists = Your village has already appealed.
res-err-appeal-open = Prizes cannot be paid while an appeal is unanswered.
res-err-not-announced = Results have not been announced.
res-err-target = Choose a next-level competition in your region.
res-err-top = Enter how many winners (at least 1).
res-err-winner = Choose the winning village.
res-err-kind = Choose the kind of prize.
res-err-amount = Enter an amount in rupiah above 0.
res-err-official = Enter the signing official's name and title, the decree number and the place.
res-documents = Official documents (PDF)
res-minutes-pdf = Download the minutes (PDF)
res-official-name = Official's name
res-official-title = Title
res-official-number = Decree number
res-official-place = Place of signing
res-decree-pdf = Download the decree (PDF)
res-certificates = Certificates
res-certificate-pdf = Download the certificate (PDF)
res-shortlist-advance = Advance these entries to the next stage
res-err-last-stage = The last stage has no next stage.
res-flash-shortlist = { $count } entries advanced; { $sheets } score sheets created for the next stage's panel.
res-publish-comments = Show the judges' comments to the villages (without judges' names)
res-comments = Judges' comments

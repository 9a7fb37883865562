# JSON API messages
api-err-has-children = This criterion has { $count } sub-criteria; repeat with cascade=true to remove them all.

# JSON API messages
api-err-has-children = This criterion has { $count } sub-criteria; repeat with cascade=true to remove them all.
api-err-body = The request body cannot be read: { $detail }

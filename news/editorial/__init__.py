"""The editorial admin: release listing, pre-publish checks and review, translation status, campaign radar."""

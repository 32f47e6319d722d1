"""Story words: data only (read by :mod:`newslint.analysis.stories`)."""

from __future__ import annotations

from newslint.analysis._scan import words

__all__ = ["CAPITALISED_NOISE", "HEADLINE_NOISE", "MONTHS", "WEEKDAYS"]

#: Capitalised words that say nothing about which event an article reports:
#: sentence openers, pronouns, the words every crime and politics story
#: capitalises ("Police", "Officials") and page furniture ("Photo", "Video").
#: Months and weekdays are read as dates instead.
CAPITALISED_NOISE = words(
    """
    the a an in on at but and or when after before as if while though although since for of by to from
    with he she they it we his her their this that these those there here then also however meanwhile i
    you our its my your who what where why how no not yes mr mrs ms dr police officers officer
    authorities according said says news update updated related copyright all rights reserved click
    video photo photos watch read more share image caption close advertisement story
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
)

#: Lower-case words of a headline that every story shares: function words
#: and reporting verbs. The rest of a headline's words are kept.
HEADLINE_NOISE = words(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its just me more most my no nor not
    now of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your said says say told also new
    """
)

#: Weekdays, in order from Monday (their index is the fact stored).
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

#: The first three letters of each month, in calendar order.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

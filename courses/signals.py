"""Signals other apps listen to (certificates issue on course completion). Sent after the
transaction that recorded the completion commits, exactly once per completion."""

from django.dispatch import Signal

# kwargs: user, lesson
lesson_completed = Signal()
# kwargs: enrolment_id
course_completed = Signal()

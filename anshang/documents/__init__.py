"""What people read or send: registration forms and roster sheets read, notices, handover
slips, chase notices, the weekly workbook, public feedback, timelines and calendars written."""

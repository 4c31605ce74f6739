-- A roadside device stands at one place: its system asks for the newest reading stored there to resume its upload.
create index reading_place on reading (lon, lat, check_kind, at);

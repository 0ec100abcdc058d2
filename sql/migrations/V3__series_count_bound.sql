-- The series of a personal-data label are counted up to a limit (central.thanos.seriesCountLimit):
-- FALSE means counting stopped there: the label is on more than series_count series.
ALTER TABLE series_label_fact ADD COLUMN series_count_complete BOOLEAN DEFAULT TRUE NOT NULL;

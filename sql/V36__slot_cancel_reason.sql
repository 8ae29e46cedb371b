-- Why a slot was cancelled (by itself, or by closing its day), shown to the administrator on the date's page.
ALTER TABLE slot ADD COLUMN cancel_reason VARCHAR(200) NULL;

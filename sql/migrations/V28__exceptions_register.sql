-- The exceptions register: the waivers file's entries gain an id, a framework, a legal basis or a
-- compensating control, a risk owner, an approval date, a ticket and the statuses they cover. A
-- first-generation waiver has only a reason, so the reason may now be absent.
ALTER TABLE run_waiver ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE run_waiver ADD COLUMN exception_id VARCHAR(64);
ALTER TABLE run_waiver ADD COLUMN framework VARCHAR(32);
ALTER TABLE run_waiver ADD COLUMN listed_under VARCHAR(128);     -- comma list: the frameworks whose reports list it
ALTER TABLE run_waiver ADD COLUMN legal_basis VARCHAR(16);       -- adequacy | DPF | SCC | BCR
ALTER TABLE run_waiver ADD COLUMN legal_basis_ref VARCHAR(512);
ALTER TABLE run_waiver ADD COLUMN compensating_control VARCHAR(2048);
ALTER TABLE run_waiver ADD COLUMN risk_owner VARCHAR(256);
ALTER TABLE run_waiver ADD COLUMN approval_date DATE;
ALTER TABLE run_waiver ADD COLUMN ticket VARCHAR(128);
ALTER TABLE run_waiver ADD COLUMN covers VARCHAR(32);             -- comma list: FAIL, UNVERIFIED

-- An UNVERIFIED egress fact's basis is its finding's message: what was found, what was expected
-- and the fix (an unset variable, an exporter type not understood, a fragment of a collector
-- config), and a store's basis says the same of its bucket's endpoint. 256 characters cut those
-- messages short, which made the source not verified.
-- Findings' messages hold 2048, so a basis of 1024 always fits in one with its prefix.
ALTER TABLE egress_fact ALTER COLUMN region_basis SET DATA TYPE VARCHAR(1024);
ALTER TABLE storage_fact ALTER COLUMN region_basis SET DATA TYPE VARCHAR(1024);

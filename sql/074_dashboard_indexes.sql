-- 074_dashboard_indexes: the operator's start page (/dashboard) reads
-- contracts starting or ending within the next 30 days and the services
-- still waiting for their start day, each as one range seek of the
-- operator's rows in date order (LIMITed), never a scan of every contract
-- or service at 20 000 occupiers.

ALTER TABLE contract
	ADD KEY contract_starts (operator_id, start_date),
	ADD KEY contract_ends (operator_id, end_date);

ALTER TABLE occupier_service
	ADD KEY occsvc_activation (operator_id, ended_at, activated_at);

-- The global search finds a floor port by the label on its wall plate
-- across the operator's sites.
ALTER TABLE floor_port
	ADD KEY port_op_label (operator_id, label);

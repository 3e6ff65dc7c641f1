-- 071_case_page_index: the support queue pages by key, newest first, on
-- (created_at, id) within an operator (STMT_CASE_PAGE_AFTER/BEFORE). The
-- queue's filters (tab, status, occupier, site, ...) are optional and
-- written as "? = '' OR ...", which no index prefix can serve, so the key
-- is the operator then the order: a page reads at most 50 rows of it from
-- the anchor onwards, and the anchor itself is found by the primary key.

ALTER TABLE support_case
	ADD KEY case_page (operator_id, created_at, id);

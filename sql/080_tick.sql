-- 080_tick: the daily job (`tenantry tick`). A row per operator and day
-- claims that day's run: the first host whose INSERT lands does the work,
-- the others see the row and skip. A contract records the day its
-- move-out ran, so that the job performs it once.
CREATE TABLE tick_run (
  operator_id BIGINT UNSIGNED NOT NULL COMMENT 'operator the run is for',
  day DATE NOT NULL COMMENT 'the operator''s business day it ran for',
  host VARCHAR(128) NOT NULL DEFAULT '' COMMENT 'host that claimed it',
  started_at BIGINT NOT NULL COMMENT 'unix seconds the run started',
  finished_at BIGINT DEFAULT NULL COMMENT 'unix seconds it finished, NULL while running or when it failed',
  PRIMARY KEY (operator_id, day),
  CONSTRAINT fk_tick_run_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='daily job runs, one per operator and day';

ALTER TABLE contract
  ADD COLUMN moved_out_on DATE DEFAULT NULL COMMENT 'day the move-out of its end date ran, NULL before';

-- Contracts that ended before the job existed were moved out by hand.
UPDATE contract SET moved_out_on = end_date
  WHERE end_date IS NOT NULL AND end_date < CURRENT_DATE;

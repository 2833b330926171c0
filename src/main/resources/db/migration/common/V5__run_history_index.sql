-- Run history, the runner and the scheduler find executions by job name and week (job parameters): index the
-- parameters by name and value so that those lookups never scan the whole job repository.
CREATE INDEX BATCH_JOB_EXEC_PARAMS_BY_VALUE ON BATCH_JOB_EXECUTION_PARAMS (PARAMETER_NAME, PARAMETER_VALUE, JOB_EXECUTION_ID);

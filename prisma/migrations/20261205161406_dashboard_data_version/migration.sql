-- CreateTable
CREATE TABLE "dashboard_data_version" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "dashboard_data_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_data_changes" (
    "id" BIGSERIAL NOT NULL,

    CONSTRAINT "dashboard_data_changes_pkey" PRIMARY KEY ("id")
);

-- The version's values: from a sequence owned by no column, so no TRUNCATE ... RESTART IDENTITY resets it
-- and a value, once used, never comes back (a process's remembered results are keyed by it).
CREATE SEQUENCE dashboard_data_version_seq;

-- Statement-level, on every table the dashboard reads: the first write of a transaction records one
-- change row (the transaction-local setting says it has), whose deferred trigger below runs at commit.
CREATE FUNCTION dashboard_data_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('baton.dashboard_data_changed', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('baton.dashboard_data_changed', 'on', true);
    INSERT INTO dashboard_data_changes DEFAULT VALUES;
  END IF;
  RETURN NULL;
END
$fn$;

-- At commit: a new version in the same transaction as the write, so a reader sees both or neither, and
-- the version row is locked only from here to the commit (writers never wait on each other's open
-- transactions). Under READ COMMITTED, which every writer uses, two committing writers take turns.
CREATE FUNCTION dashboard_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO dashboard_data_version (id, version) VALUES (1, nextval('dashboard_data_version_seq'))
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
  DELETE FROM dashboard_data_changes WHERE id = NEW.id;
  RETURN NULL;
END
$fn$;

CREATE CONSTRAINT TRIGGER dashboard_data_version_bump AFTER INSERT ON dashboard_data_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_data_version_bump();

CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON leads FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lead_types FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fixes FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workspace_settings FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON priority_slas FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rejection_reasons FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();
CREATE TRIGGER dashboard_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_job_leads FOR EACH STATEMENT EXECUTE FUNCTION dashboard_data_changed();

INSERT INTO dashboard_data_version (id, version) VALUES (1, nextval('dashboard_data_version_seq'));

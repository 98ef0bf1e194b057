#!/usr/bin/env bash
# labelmeter nightly job, for cron or a systemd timer (examples in docs/operations.md).
#
#   scripts/nightly.sh [run options]        e.g. scripts/nightly.sh --team 7
#
# 1. Takes a lock so that two nightly runs never overlap; if the previous run still holds it, this
#    one does nothing and exits 3.
# 2. Runs `scripts/labelmeter run` with the given options; its output is appended to
#    <log-dir>/nightly-<date>.log as well as shown.
# 3. Deletes report folders <reports-dir>/<team>/<date>/ older than retention.report-days (0 keeps
#    all), and nightly-*.log files older than retention.log-days. labelmeter.log rolls by itself.
# 4. Exits with the exit code of `run`: 0 done, 1 failed while running, 2 wrong options or
#    configuration (docs/operations.md).
#
# Environment: everything `scripts/labelmeter` reads (SERVER_ADDRESS, API_TOKEN, LABELMETER_*),
# plus LABELMETER_LOCK_FILE to put the lock elsewhere (default <data-dir>/.nightly.lock) and
# LABELMETER_LAUNCHER to run another launcher than scripts/labelmeter (a wrapper script, say).
set -uo pipefail

EXIT_LOCKED=3

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
launcher="${LABELMETER_LAUNCHER:-$home/scripts/labelmeter}"

log() {
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) nightly: $*" >&2
}

# Directories and retention from the effective configuration (one JVM start).
if ! settings="$("$launcher" -q config --get data-dir --get reports-dir --get log-dir \
  --get retention.report-days --get retention.log-days)"; then
  log "the configuration is not usable (see above); nothing was run"
  exit 2
fi
{
  read -r data_dir
  read -r reports_dir
  read -r log_dir
  read -r report_days
  read -r log_days
} <<<"$settings"

# One run at a time.
command -v flock >/dev/null 2>&1 || {
  log "flock is missing (package util-linux); it keeps two runs from overlapping"
  exit 1
}
mkdir -p "$data_dir" "$log_dir"
lock_file="${LABELMETER_LOCK_FILE:-$data_dir/.nightly.lock}"
exec 9>>"$lock_file"
if ! flock -n 9; then
  log "another nightly run still holds $lock_file; this one is skipped"
  exit "$EXIT_LOCKED"
fi

# The run, its output kept in a dated log file too.
run_log="$log_dir/nightly-$(date -u +%Y-%m-%d).log"
log "starting: labelmeter run $*" 2>&1 | tee -a "$run_log" >&2
"$launcher" run "$@" 2>&1 | tee -a "$run_log"
status="${PIPESTATUS[0]}"
log "labelmeter run exited with $status" 2>&1 | tee -a "$run_log" >&2

# Retention: report folders are named by date, so compare names, not modification times.
prune_reports() {
  local cutoff team_dir night_dir
  cutoff="$(date -u -d "-$report_days days" +%Y-%m-%d)"
  [ -d "$reports_dir" ] || return 0
  for team_dir in "$reports_dir"/*/; do
    [ -d "$team_dir" ] || continue
    for night_dir in "$team_dir"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]; do
      [ -d "$night_dir" ] || continue
      if [[ "$(basename "$night_dir")" < "$cutoff" ]]; then
        rm -rf -- "$night_dir" && log "removed $night_dir (older than $report_days days)"
      fi
    done
  done
}
if [ "$report_days" -gt 0 ]; then
  prune_reports
fi
find "$log_dir" -maxdepth 1 -type f -name 'nightly-*.log' -mtime +"$log_days" -delete 2>/dev/null ||
  log "could not prune old nightly logs in $log_dir"

exit "$status"

export const HELP = `recist — RECIST 1.1 tools of recist-reader

Usage: recist <subcommand> [options]      (in a checkout: npx recist ..., or npm run --silent recist -- ...)

Subcommands:
  assess FILE.csv   RECIST 1.1 responses from a measurement CSV (one row per lesion per time point).
      --assigned FILE           reader-assigned responses from reports (patient_id, timepoint, scan_date,
                                overall_response, source, reason): each replaces that follow-up's computed one
      --per-patient             one row per patient: best overall response, progression date
      --confirm                 CR/PR need confirmation for best overall response (RECIST 1.1 Table 3)
      --confirm-days N          days between a response and its confirmation (default 28)
      --sd-min-days N           SD counts for best response from N days after baseline (default 42)
      --pr-policy P             continuing (default: PR stays until PD) or per-timepoint
      --adjudication FILE       with --per-patient, a double read's endpoint per patient: the adjudicated
                                read (patient_id, chosen_reader, adjudicator, reason) where the readers'
                                best response or progression date differ, with reader_1/2 and their BOR
      --format csv|json         output format (default csv)
    Input columns: patient_id, timepoint, scan_date, lesion_id, category, organ, nodal,
                   long_axis_mm, short_axis_mm, state; optional source (image or report), and reader
                   (a double read: one assessment per patient and reader, reader in every output row)
    Bad input is refused as a whole (exit code 2) with the line, the column and what is wrong.

  inspect PATH...   one JSON object per DICOM file, from the app's own parsing and decoding: modality,
                    transfer syntax, size, frames, samples, photometric interpretation, pixel spacing,
                    calibration, slice thickness, and min/max/mean (after the modality LUT for greyscale,
                    raw samples for colour); or {file, ok: false, code, error}. A folder is read recursively,
                    as the app's "Open folder…": files in it that are not DICOM images are listed with
                    "skipped": true and counted, as the app skips them. Each file is printed as soon as it is
                    read, on every core. Exit code 1 if a file failed or no image was found.

  measure FILE.dcm  one-click measurement of the lesion at a pixel (the app's "Click to measure"): its contour
                    and RECIST long axis (the contour's longest diameter) and short axis (the longest diameter
                    perpendicular to it), in mm, end points as [[row, col], [row, col]], area in mm2.
      --at ROW,COL              a pixel inside the lesion (row, column; 0,0 is the top left pixel's centre)
      --format text|json        output format (default text)
    Exit code 1, with the reason, when no lesion can be separated there.

  survival FILE.csv Kaplan-Meier per group (n, events, median with CI), the log-rank test and a Cox model,
                    from one row per patient; the estimators follow R's survival package and are checked against it.
      --time COL                follow-up time (>= 0, any unit)
      --event COL               1 = the event happened, 0 = censored
      --group COL               arm or other grouping: one curve per group and the log-rank test
      --covariates a,b          Cox covariates (default: the group, the first group the reference); a column
                                that is not all numbers is a factor (treatment contrasts, as R)
      --ties efron|breslow      tied event times in the Cox model (default efron, as R)
      --conf-type T             log (default, as R), log-log or plain intervals for S(t)
      --at T1,T2                survival at these times, as R's summary(survfit, times = )
      --format text|json        output format (default text)
    Exit code 1 when an analysis cannot be computed (no events, collinear covariates, no convergence).

  export BACKUP.json  the app's Export menu files from a backup of its database (Export menu, "Back up database")
      --what W                  measurements (the CSV assess reads), timepoints (assess's per-time-point table),
                                patients (one row per patient for survival analysis: PFS, OS, landmark),
                                or assigned (the reader-assigned responses, the file of assess --assigned)
      --landmark-days N         landmark for the patients table, in days from the origin (default 91)
      --deidentify              study codes for patient ids (the key kept in the backup); --shift-dates also
                                moves each patient's dates by its own offset, keeping every interval
      --reader NAME             whose read the backup is (a double read): a reader column after patient_id in
                                the measurements, so two readers' files make the CSV agreement and assess read
      --crlf, --bom             CRLF line endings, a UTF-8 byte-order mark (default LF, no mark)

  sr write BACKUP.json --out DIR   one DICOM SR per patient and time point (TID 1500 Imaging Measurement
                    Report, as the app sends to the PACS): lesions with tracking UIDs, axes in mm with their
                    polylines, states, the RECIST 1.1 responses. Prints one line per file written
  sr read FILE...   the measurement CSV (as export --what measurements) from SR files, one per time point
      --format csv|json         csv (default) or the reports as read, JSON
    See docs/sr.md for the SR's content and every code.

  agreement FILE.csv  two readers' agreement on a double read (a measurement CSV with a reader column):
                    percentage agreement and Cohen's kappa with its 95 % CI (as R's psych::cohen.kappa) for
                    the follow-ups' overall response (all, and per time point label) and for best overall
                    response, progression yes/no
                    and its date, and the discordant patients with their first discordant time point
      --readers A,B             the two readers compared (needed when the file has more than two)
      --days N                  progression dates up to N days apart agree (default 0: the same scan)
      --confirm                 best overall response with confirmation (as assess --confirm)
      --format text|json        output format (default text)

  help, --help      this text

Output goes to standard output; messages to standard error. Exit codes: 0 done, 1 a file failed (inspect) or an analysis could not be computed (survival), 2 bad input or usage.
See docs/recist-assess.md for every column and rule.
`;

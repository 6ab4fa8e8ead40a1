export const HELP = `recist — RECIST 1.1 tools of recist-reader

Usage: npm run --silent recist -- <subcommand> [options]

Subcommands:
  assess FILE.csv   RECIST 1.1 responses from a measurement CSV (one row per lesion per time point).
      --per-patient             one row per patient: best overall response, progression date
      --confirm                 CR/PR need confirmation for best overall response (RECIST 1.1 Table 3)
      --confirm-days N          days between a response and its confirmation (default 28)
      --sd-min-days N           SD counts for best response from N days after baseline (default 42)
      --pr-policy P             continuing (default: PR stays until PD) or per-timepoint
      --format csv|json         output format (default csv)
    Input columns: patient_id, timepoint, scan_date, lesion_id, category, organ, nodal,
                   long_axis_mm, short_axis_mm, state
    Bad input is refused as a whole (exit code 2) with the line, the column and what is wrong.

  inspect FILE...   one JSON object per DICOM file, from the app's own parsing and decoding: modality,
                    transfer syntax, size, frames, samples, photometric interpretation, pixel spacing,
                    calibration, slice thickness, and min/max/mean (after the modality LUT for greyscale,
                    raw samples for colour); or {file, ok: false, error}. Exit code 1 if any file failed.

  help, --help      this text

Output goes to standard output; messages to standard error. Exit codes: 0 done, 1 a file failed (inspect), 2 bad input or usage.
See docs/recist-assess.md for every column and rule.
`;

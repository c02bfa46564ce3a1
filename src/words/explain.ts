// The sentences of `codex-doctor explain`, kept together so that they can move into the shared words layer.
export const explainWords = {
  pasted: 'You pasted',
  notRecognised: "Not a Codex network error I know. Here is the full runbook on this machine instead; if the error came from Codex, please attach both to the ticket.",
  canMean: 'It can mean:',
  moreCauses: (n: number) => `... and ${n} more (--verbose lists them all)`,
  checksRun: 'Checks run to tell these apart',
  answer: 'What applies here',
  otherProblem: 'None of those causes shows up here now, but this fails:',
  pathWorks: 'None of those causes shows up here now: these checks pass from this machine. The error came from another network or proxy, a host the doctor does not probe, or it was transient; run Codex again from here and paste the new error if it persists.',
  codexPolicy: 'The network checks are not the place to look: see the note above.',
  runbook: 'The full runbook',
  fix: 'Fix',
} as const;

// In-process TUI tests play an interactive terminal. Ink decides at import time, from CI and
// CONTINUOUS_INTEGRATION, to draw only its last frame; the doctor never picks the TUI under CI
// (main.ts pickMode), so the tests remove those variables rather than test a mode users never see.
// Tests that check CI behaviour pass their own env (io.env, or a clean env for the built binary).
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

// Kept in step with package.json by a test; a literal keeps start-up free of file reads.
export const VERSION = '0.1.0';

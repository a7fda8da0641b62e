// Loaded into a bot process by two-process-faults.test.ts (`node --import <this file> ...`):
// on SIGUSR2 it causes the errors that escape every request in real life, a promise rejection
// nobody handles and an exception thrown from a timer, so the test can check that the process
// logs them as JSON and keeps serving. Never loaded outside that test.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('fault-trigger: a promise rejected on purpose'));
  setTimeout(() => {
    throw new Error('fault-trigger: thrown from a timer on purpose');
  }, 0);
});

/** Loads every module that declares messages, and returns all codes of the registry. */
export async function allDeclaredCodes(): Promise<string[]> {
  await import('../src/main.js');
  await import('../src/cli/run.js');
  await import('../src/api/build-app.js');
  const { allMessageCodes } = await import('../src/domain/messages.js');
  return [...allMessageCodes()];
}

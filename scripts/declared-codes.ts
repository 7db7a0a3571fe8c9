/** Every code of the one catalogue (src/messages), sorted. */
export async function allDeclaredCodes(): Promise<string[]> {
  const { allMessageCodes } = await import('../src/messages/index.js');
  return [...allMessageCodes()];
}

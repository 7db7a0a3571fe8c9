/**
 * The help in the reader's language: in French, every description of the command tree (verbs,
 * options, arguments) is replaced by its French from the catalogue (src/messages/help.ts), and the
 * help's frame (headings, "default", "choices", the help option) is French too. A text with no
 * French stays in English (a test keeps the catalogue complete).
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { HELP_FRAME, HELP_TEXTS } from '../messages/help.js';

let french: Map<string, string> | undefined;

/** The French of an English help text, or the text itself when the catalogue has none. */
export function frenchHelpText(en: string): string {
  french ??= new Map(HELP_TEXTS.map((m) => [m.en, m.fr]));
  return french.get(en) ?? en;
}

const frame = (key: keyof typeof HELP_FRAME) => HELP_FRAME[key].fr;

/** Commander's notes after a description, "(default: …, choices: …)", in French. */
function frenchNotes(full: string, description: string | undefined, translated: string): string {
  const rest = description && full.startsWith(description) ? full.slice(description.length) : full === description ? '' : undefined;
  if (rest === undefined) return full;
  // Commander quotes a value as JSON ("record"); French quotes with « » and no-break spaces (CONVENTIONS §4.1).
  return translated + rest.replace(/\bdefault: /g, `${frame('default')}\u00a0: `).replace(/\bchoices: /g, `${frame('choices')}\u00a0: `)
    .replace(/"([^"\n]*)"/g, '«\u00a0$1\u00a0»');
}

class FrenchHelp extends Help {
  override styleTitle(title: string): string {
    const key = title as keyof typeof HELP_FRAME;
    return super.styleTitle(Object.hasOwn(HELP_FRAME, key) ? HELP_FRAME[key].fr : title);
  }

  override optionDescription(option: Option): string {
    const english = option.description;
    return frenchNotes(super.optionDescription(option), english, frenchHelpText(english));
  }

  override argumentDescription(argument: Argument): string {
    const english = argument.description;
    return frenchNotes(super.argumentDescription(argument), english, frenchHelpText(english));
  }

  override commandUsage(command: Command): string {
    return super.commandUsage(command).replace('[command]', '[commande]');
  }

  override subcommandDescription(command: Command): string {
    return frenchHelpText(super.subcommandDescription(command));
  }
}

/** Commander's own usage errors (unknown option, missing argument, …) in French. */
const ERRORS: readonly [RegExp, string][] = [
  [/^error: /, 'erreur\u00a0: '],
  [/unknown command '([^']*)'/, 'commande inconnue «\u00a0$1\u00a0»'],
  [/unknown option '([^']*)'/, 'option inconnue «\u00a0$1\u00a0»'],
  [/missing required argument '([^']*)'/, 'argument requis manquant\u00a0: «\u00a0$1\u00a0»'],
  [/option '([^']*)' argument missing/, 'l’option «\u00a0$1\u00a0» attend une valeur'],
  [/required option '([^']*)' not specified/, 'l’option requise «\u00a0$1\u00a0» n’est pas indiquée'],
  [/too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, 'trop d’arguments\u00a0: $2 attendu(s), $3 reçu(s).'],
  [/option '([^']*)' argument '([^']*)' is invalid\./, 'la valeur «\u00a0$2\u00a0» de l’option «\u00a0$1\u00a0» est invalide.'],
  [/command-argument value '([^']*)' is invalid for argument '([^']*)'\./, 'la valeur «\u00a0$1\u00a0» de l’argument «\u00a0$2\u00a0» est invalide.'],
  [/Allowed choices are ([^\n]*)\./, 'Valeurs possibles\u00a0: $1.'],
  [/\(Did you mean ([^?]*)\?\)/, '(Vouliez-vous dire $1\u00a0?)'],
];

export function frenchCommanderError(text: string): string {
  return ERRORS.reduce((out, [pattern, french]) => out.replace(pattern, french), text);
}

/** Shows the help of `program` and of every command under it in French. */
export function frenchHelp(program: Command): void {
  const walk = (command: Command) => {
    command.createHelp = () => Object.assign(new FrenchHelp(), command.configureHelp());
    command.description(frenchHelpText(command.description()));
    command.helpOption('-h, --help', frame('help'));
    command.configureOutput({ ...command.configureOutput(), outputError: (text, write) => write(frenchCommanderError(text)) });
    if (command.commands.length > 0) command.helpCommand('help [commande]', frame('help'));
    for (const sub of command.commands) walk(sub);
  };
  walk(program);
}

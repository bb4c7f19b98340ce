import { type Argument, type Command, Help, type Option } from 'commander';

/** The CLI's language: Indonesian unless SIGAP_LANG (or LANG) starts with "en". */
export const lang: 'id' | 'en' = (process.env.SIGAP_LANG ?? process.env.LANG ?? '').startsWith('en')
  ? 'en'
  : 'id';

/** A help or message text in the CLI's language. */
export function t(id: string, en: string): string {
  return lang === 'en' ? en : id;
}

const JUDUL: Record<string, string> = {
  'Usage:': 'Cara pakai:',
  'Arguments:': 'Argumen:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Global Options:': 'Opsi umum:',
};

/** Commander's own words (usage, defaults, choices), in Indonesian unless the language is English. */
class BantuanIndonesia extends Help {
  override styleTitle(str: string): string {
    return lang === 'en' ? str : (JUDUL[str] ?? str);
  }

  override styleUsage(str: string): string {
    return lang === 'en'
      ? str
      : str
          .replace('[options]', '[opsi]')
          .replace('[command]', '[perintah]')
          .replace('<command>', '<perintah>');
  }

  override subcommandTerm(cmd: Command): string {
    return this.styleUsage(super.subcommandTerm(cmd));
  }

  override argumentDescription(argument: Argument): string {
    if (lang === 'en') return super.argumentDescription(argument);
    const extra: string[] = [];
    if (argument.argChoices) extra.push(`pilihan: ${argument.argChoices.join(', ')}`);
    if (argument.defaultValue !== undefined)
      extra.push(`bawaan: ${argument.defaultValueDescription ?? String(argument.defaultValue)}`);
    return [argument.description, extra.length ? `(${extra.join('; ')})` : ''].filter(Boolean).join(' ');
  }

  override optionDescription(option: Option): string {
    if (lang === 'en') return super.optionDescription(option);
    const extra: string[] = [];
    if (option.argChoices) extra.push(`pilihan: ${option.argChoices.join(', ')}`);
    if (option.defaultValue !== undefined && (option.required || option.optional))
      extra.push(`bawaan: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    if (option.envVar !== undefined) extra.push(`variabel lingkungan: ${option.envVar}`);
    return [option.description, extra.length ? `(${extra.join('; ')})` : ''].filter(Boolean).join(' ');
  }
}

/** Commander's error lines ("error: unknown option …") in Indonesian. */
export function terjemahGalat(s: string): string {
  if (lang === 'en') return s;
  const ganti: [RegExp, string][] = [
    [/^error: unknown option '(.+?)'/m, "galat: opsi '$1' tidak dikenal"],
    [/^error: unknown command '(.+?)'/m, "galat: perintah '$1' tidak dikenal"],
    [/^error: missing required argument '(.+?)'/m, "galat: argumen '$1' wajib diisi"],
    [/^error: option '(.+?)' argument missing/m, "galat: opsi '$1' perlu nilai"],
    [/^error: required option '(.+?)' not specified/m, "galat: opsi '$1' wajib diisi"],
    [
      /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./m,
      "galat: nilai '$2' untuk opsi '$1' tidak sah; pilihan: $3.",
    ],
    [
      /^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\. Allowed choices are (.+)\./m,
      "galat: '$1' bukan pilihan untuk argumen '$2'; pilihan: $3.",
    ],
    [/^error: too many arguments.*$/m, 'galat: terlalu banyak argumen.'],
    [/\(Did you mean one of (.+)\?\)/, '(Maksud Anda salah satu dari $1?)'],
    [/\(Did you mean (.+)\?\)/, '(Maksud Anda $1?)'],
    [/^error: /m, 'galat: '],
  ];
  let out = s;
  for (const [re, ke] of ganti) out = out.replace(re, ke);
  return out;
}

/**
 * Gives every command of the program the CLI language's help: titles, defaults and choices, the
 * -h/--help option and `help` command, and commander's error messages.
 */
export function pasangBantuan(cmd: Command): void {
  cmd.createHelp = () => Object.assign(new BantuanIndonesia(), cmd.configureHelp());
  cmd.helpOption('-h, --help', t('menampilkan bantuan perintah ini', 'display help for command'));
  if (cmd.commands.length > 0)
    cmd.helpCommand('help [perintah]', t('menampilkan bantuan sebuah perintah', 'display help for command'));
  cmd.configureOutput({ outputError: (s, tulis) => tulis(terjemahGalat(s)) });
  for (const sub of cmd.commands) pasangBantuan(sub);
}

/** A catalogue's messages by key: Simplified Chinese text with `{name}` placeholders. */
export type Messages = Readonly<Record<string, string>>;

/** Every key of every area but `area`. */
type OtherAreasKeys<Areas extends Readonly<Record<string, Messages>>, Area extends keyof Areas> = {
  [Other in Exclude<keyof Areas, Area>]: keyof Areas[Other];
}[Exclude<keyof Areas, Area>];

/** The areas with each key that another area also has typed `never`, so passing them fails to compile right there. */
type WithoutRepeatedKeys<Areas extends Readonly<Record<string, Messages>>> = {
  readonly [Area in keyof Areas]: { readonly [Key in keyof Areas[Area]]: Key extends OtherAreasKeys<Areas, Area> ? never : Areas[Area][Key] };
};

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** All areas' messages in one object, typed key by key. */
export type Composed<Areas extends Readonly<Record<string, Messages>>> = UnionToIntersection<Areas[keyof Areas]>;

/**
 * Joins the catalogue's areas into one catalogue. Two areas with the same key would have one
 * silently win, so that fails to type-check (the repeated key is named in the error, typed
 * `never`) and, should a cast get past the compiler, throws here naming the key and both areas.
 *
 * @example composeCatalogue({ app: { 'app.name': '政务诚信承诺填报' }, cli: { 'cli.valid': '{file}：校验通过。' } })
 */
export function composeCatalogue<const Areas extends Readonly<Record<string, Messages>>>(areas: Areas & WithoutRepeatedKeys<Areas>): Composed<Areas> {
  const composed: Record<string, string> = {};
  const areaOf = new Map<string, string>();
  for (const [area, messages] of Object.entries(areas)) {
    for (const [key, message] of Object.entries(messages)) {
      const earlier = areaOf.get(key);
      if (earlier !== undefined) throw new Error(`Message key ${key} is in two areas: ${earlier} and ${area}.`);
      areaOf.set(key, area);
      composed[key] = message;
    }
  }
  return Object.freeze(composed) as Composed<Areas>;
}

/** The faces of Fira Sans in public/fonts, as app/fira-sans.css declares them. */
export const FONT_FACES = ["Regular", "Italic", "Medium", "SemiBold"] as const;
export type TFontFace = (typeof FONT_FACES)[number];

export const fontHref = (face: TFontFace): string => `/fonts/FiraSans-${face}-latin-v1.woff2`;

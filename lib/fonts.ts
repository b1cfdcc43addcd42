/** The faces of Fira Sans in public/fonts (app/fira-sans.css declares them). */
export type TFontFace = "Regular" | "Italic" | "Medium" | "SemiBold" | "Bold";

export const fontHref = (face: TFontFace): string => `/fonts/FiraSans-${face}-latin-v1.woff2`;

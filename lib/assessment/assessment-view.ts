import { rowsToAnswers } from "../survey/answer-rows";
import type { TAnswers } from "../survey/answer-schema";
import type { TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";
import type { TRespondentRole } from "../profile/profile-schema";
import type { TUnitKind } from "../municipalities/units";

export type TAssessmentStatus = "draft" | "submitted";

/** An assessment as the UI and the API see it (GET /api/assessments/{token}, docs/api.md). */
export type TAssessmentView = {
  id: string;
  status: TAssessmentStatus;
  /** agsGebietsstand: Gebietsstand of the register the AGS was found in; null if not found or none given. */
  municipality: {
    name: string;
    state: TStateCode;
    population: number;
    sizeClass: TSizeClass;
    ags: string | null;
    agsGebietsstand: string | null;
    /** A Gemeinde or an administration that answers for several (docs/adr/0013-administrations-as-units.md). */
    kind: TUnitKind;
    /** The register key: AGS (8 digits) or Gemeindeverband (9 digits); null for a name typed by hand. */
    key: string | null;
    /** Gemeinden the unit answers for; population is the population it serves. */
    memberCount: number;
  };
  respondentRole: TRespondentRole;
  answers: TAnswers;
  version: number;
  referenceId: string;
  /** Identity for "latest submission counts" (internal; not part of the API response). */
  municipalityKey: string;
  /** The chain of this municipality's assessments year after year, and the one before (internal; see GET …/history). */
  chainId: string;
  previousId: string | null;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Bound to its municipality with a participation code (docs/adr/0005); null: unverified. */
  verifiedAt: string | null;
  /** Convenience: verifiedAt !== null. Internal (the API has verifiedAt). */
  verified: boolean;
  /** When the code it was verified with was revoked (the verification was taken back); internal. */
  codeRevokedAt: string | null;
};

type TAssessmentRow = {
  id: string;
  status: string;
  version: number;
  referenceId: string;
  municipalityName: string;
  state: string;
  population: number;
  sizeClass: string;
  ags: string | null;
  agsGebietsstand: string | null;
  unitKind: string;
  unitKey: string | null;
  memberCount: number;
  respondentRole: string;
  municipalityKey: string;
  chainId: string;
  previousId: string | null;
  isDemo: boolean;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  codeRevokedAt?: Date | null;
  answers: { questionId: string; optionId: string }[];
};

export function toAssessmentView(row: TAssessmentRow): TAssessmentView {
  return {
    id: row.id,
    status: row.status === "submitted" ? "submitted" : "draft",
    municipality: {
      name: row.municipalityName,
      state: row.state as TStateCode,
      population: row.population,
      sizeClass: row.sizeClass as TSizeClass,
      ags: row.ags,
      agsGebietsstand: row.agsGebietsstand,
      kind: row.unitKind === "verwaltung" ? "verwaltung" : "gemeinde",
      key: row.unitKey,
      memberCount: row.memberCount,
    },
    respondentRole: row.respondentRole as TRespondentRole,
    answers: rowsToAnswers(row.answers),
    version: row.version,
    referenceId: row.referenceId,
    municipalityKey: row.municipalityKey,
    chainId: row.chainId || row.id,
    previousId: row.previousId,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verified: row.verifiedAt !== null,
    codeRevokedAt: row.codeRevokedAt?.toISOString() ?? null,
  };
}

/** The API's view of an assessment: without internal bookkeeping fields. */
export function toPublicAssessment(view: TAssessmentView) {
  const {
    municipalityKey: _key,
    isDemo: _demo,
    verified: _verified,
    codeRevokedAt: _revoked,
    chainId: _chain,
    previousId: _previous,
    ...rest
  } = view;
  return rest;
}

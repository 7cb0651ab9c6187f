// The relationship labels are defined once, in app/i18n/labels.ts. These names stay only
// until the last callers (pages being reworked) import from there.
export {
  relationshipLabel as RELATIONSHIP_LABEL,
  relationshipGroupLabel as RELATIONSHIP_GROUP,
} from "~/i18n/labels";

import type { MessageText } from "../messages";
import type { profileFileIssuesNl } from "./profile-file-issues.nl";

export const profileFileIssuesEn: Record<keyof typeof profileFileIssuesNl, MessageText> = {
  "profiles.fileIssue.frontMatterMissing":
    "the file must start with front matter: a line with only ---",
  "profiles.fileIssue.frontMatterUnclosed":
    "the front matter is not closed by a line with only ---",
  "profiles.fileIssue.invalidYaml": "invalid YAML in the front matter: {reason}",
  "profiles.fileIssue.frontMatterNotFields":
    "the front matter must consist of lines such as `id: ...` and `name: ...`",
  "profiles.fileIssue.unknownField": 'unknown field "{name}" (allowed: {allowed})',
  "profiles.fileIssue.unknownFieldIn": 'unknown field "{name}" in {within} (allowed: {allowed})',

  "profiles.fileIssue.clusterWithoutId":
    "cluster without an id: put {#an-id} at the end of the heading",
  "profiles.fileIssue.competencyBeforeCluster":
    "competency before the first cluster: put a cluster heading (# ...) first",
  "profiles.fileIssue.competencyWithoutId":
    "competency without an id: put {#an-id} at the end of the heading",
  "profiles.fileIssue.indicatorWithoutId":
    "behavioural indicator without an id: put {#an-id} at the end of the line",
  "profiles.fileIssue.textBeforeCluster":
    "text before the first cluster: start with a cluster heading (# ...)",
  "profiles.fileIssue.textUnderCluster":
    "text directly under a cluster: a description belongs under a competency (## ...)",
  "profiles.fileIssue.textAfterIndicators":
    "text after the behavioural indicators: put the description before the list",
  "profiles.fileIssue.indicatorBeforeCompetency":
    "behavioural indicator before the first competency: put a heading ## ... first",
  "profiles.fileIssue.headingWithoutSpace": "put a space after # in a heading",
  "profiles.fileIssue.headingTooDeep":
    "only # (cluster) and ## (competency) are allowed as headings",

  "profiles.fileIssue.tooLarge": "the file is too large ({kilobytes} KB; at most {max} KB)",
  "profiles.fileIssue.notText":
    "this does not look like a text file (it contains many control or unreadable characters)",
  "profiles.fileIssue.unreadableCharacter":
    "unreadable character (\uFFFD): save the file as UTF-8 and import it again",
  "profiles.fileIssue.empty": "the file is empty",
  "profiles.fileIssue.noIndicators":
    "no behavioural indicators found: every competency needs a list (lines starting with •, -, * or 1.)",
  "profiles.fileIssue.indicatorsBeforeFirstCompetency":
    "behavioural indicators before the first competency: put a competency name above them",
  "profiles.fileIssue.tooManyHeadings":
    'unexpected heading "{heading}": a description is preceded by at most a cluster heading and a competency name',
  "profiles.fileIssue.notAName":
    '"{text}" stands where a competency name is expected (a short heading with a capital letter, at most {maxWords} words, no full stop at the end)',
  "profiles.fileIssue.nameOrDescription":
    'is "{line}" a competency, or the first line of the description of "{heading}"? Put a blank line between the heading and the description',
  "profiles.fileIssue.headingInDescription":
    'is "{line}" a new competency, or does this line belong to the description of "{competency}"? Put a blank line above a new competency, or join the line to the line above it',
  "profiles.fileIssue.indicatorOrHeading":
    'does "{line}" belong to the behavioural indicator on line {indicatorLine}, or is it a heading? Put a blank line above a heading, or put the behavioural indicator on one line',
  "profiles.fileIssue.missingDescription":
    'competency "{competency}" is the only one without a description: is "{competency}" the description of "{cluster}"? End a description with a full stop, or put a blank line between the cluster heading and the competency',
  "profiles.fileIssue.numberedAmongSymbols":
    '"{item}" is numbered with "{marker}", the list around it is not (line {otherLine}): is it a heading? Then remove "{marker}"',
  "profiles.fileIssue.numberingBreaks":
    '"{item}" is numbered with "{marker}", but follows "{previous}" (line {previousLine}): is it a heading? Then remove "{marker}"',
  "profiles.fileIssue.noCluster": 'no cluster heading found before competency "{competency}"',
  "profiles.fileIssue.duplicate":
    'competency "{competency}" appears twice (first on line {firstLine})',
  "profiles.fileIssue.withoutIndicators": 'competency "{competency}" has no behavioural indicators',
  "profiles.fileIssue.trailingText":
    'text after the last behavioural indicator belongs nowhere: "{text}"',

  "profiles.fileIssue.folderUnreadable": "folder of competency profiles not found or not readable",
  "profiles.fileIssue.fileUnreadable": "the file cannot be read",
  "profiles.fileIssue.fileNameMismatch":
    "the file name must be {id}.md, the same as the profile's id",
  "profiles.fileIssue.profileIdTaken": 'profile id "{id}" is also used in {file}',

  "profiles.fileIssue.notSlug":
    "must be a slug: lowercase letters, digits and hyphens (e.g. knowledge-of-the-customer-1)",
  "profiles.fileIssue.scaleNotConsecutive":
    "the values of the scale must go up one at a time (1, 2, 3, …)",
  "profiles.fileIssue.competencyWithoutIndicator":
    "a competency has at least one behavioural indicator",
  "profiles.fileIssue.clusterWithoutCompetency": "a cluster has at least one competency",
  "profiles.fileIssue.profileWithoutCluster": "a profile has at least one cluster",
  "profiles.fileIssue.idTakenByCluster": 'id "{id}" is already used by cluster "{cluster}"',
  "profiles.fileIssue.idTakenByCompetency":
    'id "{id}" is already used by competency "{competency}"',
  "profiles.fileIssue.idTakenByIndicator":
    'id "{id}" is already used by a behavioural indicator of "{competency}"',
  "profiles.fileIssue.competencyTwice": 'competency "{competency}" appears twice',

  "profiles.fileIssue.fieldIssue": "{field}: {issue}",
  "profiles.fileIssue.missing": "missing",
  "profiles.fileIssue.expectedText": "must be text",
  "profiles.fileIssue.expectedNumber": "must be a number",
  "profiles.fileIssue.expectedWholeNumber": "must be a whole number",
  "profiles.fileIssue.expectedList": "must be a list",
  "profiles.fileIssue.expectedFields": "must consist of fields (lines such as `name: value`)",
  "profiles.fileIssue.notOneOf": "must be one of these values: {options}",
  "profiles.fileIssue.invalidValue": "invalid value",
  "profiles.fileIssue.textTooShort": {
    one: "too short: at least {count} character",
    other: "too short: at least {count} characters",
  },
  "profiles.fileIssue.textTooLong": {
    one: "too long: at most {count} character",
    other: "too long: at most {count} characters",
  },
  "profiles.fileIssue.tooFewItems": {
    one: "too few: at least {count} is needed",
    other: "too few: at least {count} are needed",
  },
  "profiles.fileIssue.tooManyItems": "too many: at most {count}",
  "profiles.fileIssue.numberTooSmall": "too small: at least {min}",
  "profiles.fileIssue.numberTooLarge": "too large: at most {max}",

  "profiles.fileIssue.label.frontMatterField": 'field "{name}"',
  "profiles.fileIssue.label.frontMatterSubfield": 'field "{name}", "{subfield}"',
  "profiles.fileIssue.label.scalePoint": 'field "scale", "points", point {point}',
  "profiles.fileIssue.label.scalePointField":
    'field "scale", "points", point {point}, "{subfield}"',
  "profiles.fileIssue.label.clusters": "clusters",
  "profiles.fileIssue.label.cluster": "cluster",
  "profiles.fileIssue.label.clusterId": "id of the cluster",
  "profiles.fileIssue.label.clusterName": "name of the cluster",
  "profiles.fileIssue.label.competency": "competency",
  "profiles.fileIssue.label.competencyId": "id of the competency",
  "profiles.fileIssue.label.competencyName": "name of the competency",
  "profiles.fileIssue.label.competencyDescription": "description of the competency",
  "profiles.fileIssue.label.indicator": "behavioural indicator",
  "profiles.fileIssue.label.indicatorId": "id of the behavioural indicator",
  "profiles.fileIssue.label.indicatorText": "text of the behavioural indicator",
  "profiles.fileIssue.label.profile": "profile",
  "profiles.fileIssue.label.profileId": "profile id",
  "profiles.fileIssue.label.profileName": "profile name",
};

import type { MessageText } from "../messages";
import type { profilesNl } from "./profiles.nl";

export const profilesEn: Record<keyof typeof profilesNl, MessageText> = {
  "profiles.library.title": "Profile library",
  "profiles.library.intro":
    "Your organisation's competency profiles. A new round takes a profile's current version; a round that has already started keeps the version it started with.",
  "profiles.library.import": "Import a profile",
  "profiles.library.empty":
    "The library has no profiles yet. Import a profile, or adopt one of the standard profiles below.",
  "profiles.library.name": "Profile",
  "profiles.library.version": "Version",
  "profiles.library.competencies": "Competencies",
  "profiles.library.indicators": "Behavioural indicators",
  "profiles.library.organisationWide": "Organisation-wide",
  "profiles.library.status": "Status",
  "profiles.library.unfinishedRounds": "Rounds under way",
  "profiles.status.current": "In use",
  "profiles.status.retired": "Retired",

  "profiles.builtIn.title": "Standard profiles",
  "profiles.builtIn.intro":
    "Profiles that come with Rondom and are not in your library yet. Adopting one puts it in the library as version 1.",
  "profiles.builtIn.allAdopted": "Every standard profile is in your library.",
  "profiles.builtIn.adopt": "Adopt",
  "profiles.builtIn.alreadyAdopted": "This standard profile is already in the library.",

  "profiles.notice.adopted": "The standard profile is now in the library.",
  "profiles.notice.created": "The profile is in the library as version {count}.",
  "profiles.notice.newVersion":
    "Saved as version {count}. New rounds will take this version from now on.",
  "profiles.notice.unchanged":
    "Nothing had changed: the profile stays version {count}, no new version was made.",
  "profiles.notice.retired": "The profile has been retired: new rounds can no longer choose it.",
  "profiles.notice.reinstated": "The profile is in use again.",
  "profiles.notice.discarded": "The import has been cancelled; nothing was saved.",

  "profiles.import.title": "Import a profile",
  "profiles.import.intro":
    "Import a competency profile: a Markdown file in Rondom's format, or the profile's text as your municipality publishes it (copied from its website or from a PDF). You first see how the profile will be stored.",
  "profiles.import.upload.file": "File (.md or .txt)",
  "profiles.import.upload.fileHint":
    "A Markdown file (.md) or a text file (.txt) of at most {kilobytes} kB.",
  "profiles.import.upload.text": "Or paste the profile's text",
  "profiles.import.upload.textHint":
    "A heading for each cluster, then the competencies with their description and their behavioural indicators as a list (lines starting with •, - or *). Put *** next to an organisation-wide competency.",
  "profiles.import.upload.name": "Name of the profile",
  "profiles.import.upload.nameHint":
    "Needed for plain text, for example ‘Competentieprofiel Beleidsmedewerker’. A Markdown file names itself: then this field is not used.",
  "profiles.import.upload.submit": "Show the profile",
  "profiles.import.upload.nothingYet": "Nothing is saved yet.",
  "profiles.import.upload.missing": "Choose a file or paste the profile's text.",
  "profiles.import.upload.both": "Choose a file or paste text, not both.",
  "profiles.import.upload.tooLarge": "The profile is too large: at most {kilobytes} kB.",
  "profiles.import.upload.nameRequired":
    "Give the profile a name of at least two characters: plain text does not name itself.",
  "profiles.import.upload.nameTooLong": "The name is too long: at most {max} characters.",
  "profiles.import.upload.nameNotText": "The name contains invisible or control characters.",
  "profiles.import.upload.nameNoKey": "The name must contain letters or digits.",
  "profiles.import.upload.workbook":
    "This is a Word or Excel file. Save the profile as text (.txt), or copy its text and paste it below.",
  "profiles.import.upload.binary": "This file holds no text. Choose a .md or .txt file.",

  "profiles.preview.title": "Check the profile",
  "profiles.preview.fromFile": "From the file {file}.",
  "profiles.preview.fromText": "From pasted text.",
  "profiles.preview.problems.title": {
    one: "{count} problem: the profile cannot be saved like this",
    other: "{count} problems: the profile cannot be saved like this",
  },
  "profiles.preview.problems.intro":
    "Correct the text on the lines named and import it again. Nothing has been saved.",
  "profiles.preview.problems.line": "Line {line}",
  "profiles.preview.again": "Import again",
  "profiles.preview.key": "Key",
  "profiles.preview.name": "Name",
  "profiles.preview.organisationWide": {
    one: "{count} organisation-wide competency (***)",
    other: "{count} organisation-wide competencies (***)",
  },
  "profiles.preview.new": "A new profile: it goes into the library as version 1.",
  "profiles.preview.newVersion":
    "A new version of {name}: version {current} is in use now, this becomes version {next}.",
  "profiles.preview.unchanged":
    "Unchanged: this is exactly version {current} of {name}. Saving makes no new version.",
  "profiles.preview.reinstates": "This profile is retired; saving puts it back into use.",
  "profiles.preview.missingOrganisationWide":
    "This profile lacks organisation-wide competencies that your organisation's other profiles have. Teams on this profile are not compared on them:",
  "profiles.preview.link.title": {
    one: "1 competency is in the library already",
    other: "{count} competencies are in the library already",
  },
  "profiles.preview.link.intro":
    "A competency is one thing across your organisation's profiles: team profiles and the organisation norm compare it across them. Link it to the library to use the same key and wording (as shown above). If you do not link it, it becomes a competency of its own with a key of its own.",
  "profiles.preview.link.label": "Link to “{name}” in the library",
  "profiles.preview.link.heldBy": "In: {profiles}.",
  "profiles.preview.link.differs": "Different in this text: {what}.",
  "profiles.preview.link.difference.id": "the key",
  "profiles.preview.link.difference.name": "the name",
  "profiles.preview.link.difference.description": "the description",
  "profiles.preview.link.difference.organisationWide": "the organisation-wide mark (***)",
  "profiles.preview.link.difference.indicators": "the behavioural indicators",
  "audit.action.profile_created": "Profile added to the library",
  "audit.action.profile_version_saved": "New version of a profile saved",
  "audit.action.profile_retired": "Profile retired",
  "audit.action.profile_reinstated": "Profile put back into use",
  "profiles.preview.save": "Save",
  "profiles.preview.cancel": "Cancel",
  "profiles.preview.invalid": "This profile has problems and cannot be saved.",

  "profiles.detail.key": "Key",
  "profiles.detail.status": "Status",
  "profiles.detail.versions.title": "Versions",
  "profiles.detail.versions.version": "Version",
  "profiles.detail.versions.savedOn": "Saved on",
  "profiles.detail.versions.rounds": "Rounds on this version",
  "profiles.detail.versions.current": "(current)",
  "profiles.detail.versions.download": "Markdown",
  "profiles.detail.versions.downloadOf": "Download version {version} as Markdown",
  "profiles.detail.current.title": "Version {version}",
  "profiles.detail.export": "Download as Markdown",
  "profiles.detail.importVersion": "Import a new version",
  "profiles.detail.use.title": "Use",
  "profiles.detail.unfinishedRounds": {
    one: "{count} round that has not been released yet uses this profile.",
    other: "{count} rounds that have not been released yet use this profile.",
  },
  "profiles.detail.retire": "Retire",
  "profiles.detail.retireHint":
    "New rounds can then no longer choose the profile. Rounds that used it keep their version and their reports.",
  "profiles.detail.retireBlocked": "The profile can be retired once those rounds are released.",
  "profiles.detail.retiredExplained": "This profile is retired: new rounds cannot choose it.",
  "profiles.detail.reinstate": "Put back into use",
  "profiles.detail.inUse": {
    one: "This profile cannot be retired: {count} round that has not been released yet uses it.",
    other: "This profile cannot be retired: {count} rounds that have not been released yet use it.",
  },

  "profiles.cycleForm.none": "There are no profiles yet.",
  "profiles.cycleForm.toLibrary": "Put a profile in the profile library",
  "profiles.detail.edit": "Edit",
  "profiles.edit.title": "Edit {name}",
  "profiles.edit.intro":
    "You are editing version {version}. Review the changes before you save them: saving makes a new version. Rounds that have started keep the version they started with.",
  "profiles.edit.profileName": "Name of the profile",
  "profiles.edit.profileDescription": "Description of the profile",
  "profiles.edit.cluster": "Cluster {number}",
  "profiles.edit.clusterName": "Name of the cluster",
  "profiles.edit.competency": "Competency {number}: {name}",
  "profiles.edit.newCompetency": "Competency {number} (new)",
  "profiles.edit.competencyName": "Name",
  "profiles.edit.competencyDescription": "Description",
  "profiles.edit.organisationWide": "Organisation-wide (***)",
  "profiles.edit.organisationWideHint":
    "An organisation-wide competency is the same in every profile; team profiles are compared on it.",
  "profiles.edit.indicators": "Behavioural indicators of {name}",
  "profiles.edit.indicator": "Behavioural indicator {number}",
  "profiles.edit.sharedHint": {
    one: "This competency is also in {count} other profile: a change applies there too.",
    other: "This competency is also in {count} other profiles: a change applies there too.",
  },
  "profiles.edit.moveUp": "Up",
  "profiles.edit.moveDown": "Down",
  "profiles.edit.remove": "Remove",
  "profiles.edit.ofIndicator": "behavioural indicator {number} of {name}",
  "profiles.edit.ofCompetency": "competency {name}",
  "profiles.edit.ofCluster": "cluster {name}",
  "profiles.edit.addIndicator": "Add a behavioural indicator",
  "profiles.edit.addIndicatorTo": "to {name}",
  "profiles.edit.addCompetency": "Add a competency",
  "profiles.edit.addCompetencyTo": "to cluster {name}",
  "profiles.edit.addCluster": "Add a cluster",
  "profiles.edit.review": "Review changes",
  "profiles.edit.save": "Save as a new version",
  "profiles.edit.cancel": "Cancel",
  "profiles.edit.unnamed": "(no name)",
  "profiles.edit.unchanged": "Nothing has changed compared with version {version}.",
  "profiles.edit.changedSinceReview":
    "The form changed after you reviewed the changes. Review them again below, then save.",

  "profiles.diff.title": "Changes compared with version {version}",
  "profiles.diff.profileName": "Name of the profile",
  "profiles.diff.profileDescription": "Description of the profile",
  "profiles.diff.before": "Was",
  "profiles.diff.after": "Becomes",
  "profiles.diff.empty": "(empty)",
  "profiles.diff.clusters": "Clusters",
  "profiles.diff.cluster.added": "New cluster: {name}",
  "profiles.diff.cluster.removed": "Cluster removed: {name}",
  "profiles.diff.cluster.renamed": "Cluster {before} is now called {name}",
  "profiles.diff.cluster.moved": "Cluster {name} is in another place",
  "profiles.diff.competency.added": "New competency in {cluster}",
  "profiles.diff.competency.removed":
    "Removed from the profile (still in rounds that have started)",
  "profiles.diff.competency.renamed": "Name",
  "profiles.diff.competency.description": "Description",
  "profiles.diff.competency.organisationWideOn": "Becomes organisation-wide (***)",
  "profiles.diff.competency.organisationWideOff": "No longer organisation-wide (***)",
  "profiles.diff.competency.movedCluster": "Moved from cluster {cluster} to {to}",
  "profiles.diff.competency.movedPosition": "In another place in {cluster}",
  "profiles.diff.indicator.added": "New behavioural indicator",
  "profiles.diff.indicator.removed": "Behavioural indicator removed",
  "profiles.diff.indicator.reworded": "Behavioural indicator reworded",
  "profiles.diff.indicator.moved": "Behavioural indicator in another place",
  "profiles.diff.shared.title": "Also in other profiles",
  "profiles.diff.shared.intro":
    "A competency is the same across the library. These profiles therefore also get a new version with the new wording:",
  "profiles.diff.shared.item": "{profile}: {competencies}",

  "profiles.edit.issue.nameRequired": "Enter a name of at least 2 characters.",
  "profiles.edit.issue.indicatorRequired":
    "Enter the behavioural indicator (at least 2 characters), or remove it.",
  "profiles.edit.issue.tooLong": "This may be at most {max} characters.",
  "profiles.edit.issue.tooMany": "There may be at most {max}.",
  "profiles.edit.issue.notText": "There is a character here that is not text; remove it.",
  "profiles.edit.issue.noIndicators": "A competency has at least one behavioural indicator.",
  "profiles.edit.issue.noCompetencies": "A cluster has at least one competency.",
  "profiles.edit.issue.noClusters": "A profile has at least one cluster.",
  "profiles.edit.issue.duplicateName": "The profile already has a competency with this name.",
  "profiles.edit.issue.stale":
    "This profile has a newer version in the meantime ({version}). Open the editor again; your changes here have not been saved.",
  "profiles.edit.issue.sharedConflict":
    "Profile {profile} already has another competency with this name; choose another name.",
  "profiles.edit.issue.retired": "A retired profile cannot be edited. Put it back into use first.",
  "profiles.edit.issue.starInName":
    "A name does not end in *. Mark a competency organisation-wide (***) with the check box below.",
  "profiles.edit.issue.invalid":
    "The profile cannot be saved like this. Check the names and behavioural indicators and try again.",
  "profiles.diff.shared.diverged":
    "These profiles hold other wording of the same competency and do not change with it:",
};

// Dutch messages of HR's profile library; merged into messages.nl.ts. Dutch is the source
// language. (The public profile pages' texts are the `profile.*` and `profiles.title` keys
// of messages.nl.ts.)
export const profilesNl = {
  // The library: /beheer/profielen
  "profiles.library.title": "Profielbibliotheek",
  "profiles.library.intro":
    "De competentieprofielen van uw organisatie. Een nieuwe ronde neemt de huidige versie van een profiel; een ronde die al liep, houdt de versie waarmee ze begon.",
  "profiles.library.import": "Profiel importeren",
  "profiles.library.empty":
    "Er staan nog geen profielen in de bibliotheek. Importeer een profiel of neem hieronder een standaardprofiel over.",
  "profiles.library.name": "Profiel",
  "profiles.library.version": "Versie",
  "profiles.library.competencies": "Competenties",
  "profiles.library.indicators": "Gedragsindicatoren",
  "profiles.library.organisationWide": "Organisatiebreed",
  "profiles.library.status": "Status",
  "profiles.library.unfinishedRounds": "Lopende rondes",
  "profiles.status.current": "In gebruik",
  "profiles.status.retired": "Buiten gebruik",

  // The built-in profiles an organisation may adopt
  "profiles.builtIn.title": "Standaardprofielen",
  "profiles.builtIn.intro":
    "Profielen die met Rondom worden meegeleverd en nog niet in uw bibliotheek staan. Overnemen zet een profiel als versie 1 in de bibliotheek.",
  "profiles.builtIn.allAdopted": "Alle standaardprofielen staan in uw bibliotheek.",
  "profiles.builtIn.adopt": "Overnemen",
  "profiles.builtIn.alreadyAdopted": "Dit standaardprofiel staat al in de bibliotheek.",

  // What the library pages say after a post
  "profiles.notice.adopted": "Het standaardprofiel staat nu in de bibliotheek.",
  "profiles.notice.created": "Het profiel staat in de bibliotheek als versie {count}.",
  "profiles.notice.newVersion":
    "Opgeslagen als versie {count}. Nieuwe rondes nemen voortaan deze versie.",
  "profiles.notice.unchanged":
    "Er was niets veranderd: het profiel blijft versie {count}, er is geen nieuwe versie gemaakt.",
  "profiles.notice.retired":
    "Het profiel is buiten gebruik gesteld: nieuwe rondes kunnen het niet meer kiezen.",
  "profiles.notice.reinstated": "Het profiel is weer in gebruik.",
  "profiles.notice.discarded": "De import is geannuleerd; er is niets opgeslagen.",

  // Uploading: /beheer/profielen/importeren
  "profiles.import.title": "Profiel importeren",
  "profiles.import.intro":
    "Importeer een competentieprofiel: een Markdown-bestand in de opmaak van Rondom, of de tekst van het profiel zoals uw gemeente het publiceert (van de website of uit een pdf gekopieerd). U ziet eerst hoe het profiel wordt opgeslagen.",
  "profiles.import.upload.file": "Bestand (.md of .txt)",
  "profiles.import.upload.fileHint":
    "Een Markdown-bestand (.md) of een tekstbestand (.txt) van hoogstens {kilobytes} kB.",
  "profiles.import.upload.text": "Of plak de tekst van het profiel",
  "profiles.import.upload.textHint":
    "Per cluster een kop, dan de competenties met hun beschrijving en hun gedragsindicatoren als opsomming (regels die beginnen met •, - of *). Zet *** bij een organisatiebrede competentie.",
  "profiles.import.upload.name": "Naam van het profiel",
  "profiles.import.upload.nameHint":
    "Nodig voor platte tekst, bijvoorbeeld ‘Competentieprofiel Beleidsmedewerker’. Een Markdown-bestand noemt zichzelf: dan wordt dit veld niet gebruikt.",
  "profiles.import.upload.submit": "Bekijk het profiel",
  "profiles.import.upload.nothingYet": "Er wordt nog niets opgeslagen.",
  "profiles.import.upload.missing": "Kies een bestand of plak de tekst van het profiel.",
  "profiles.import.upload.both": "Kies een bestand óf plak tekst, niet allebei.",
  "profiles.import.upload.tooLarge": "Het profiel is te groot: hoogstens {kilobytes} kB.",
  "profiles.import.upload.nameRequired":
    "Geef het profiel een naam van minstens twee tekens: platte tekst noemt zichzelf niet.",
  "profiles.import.upload.nameTooLong": "De naam is te lang: hoogstens {max} tekens.",
  "profiles.import.upload.nameNotText": "De naam bevat onzichtbare tekens of stuurtekens.",
  "profiles.import.upload.nameNoKey": "De naam moet letters of cijfers bevatten.",
  "profiles.import.upload.workbook":
    "Dit is een Word- of Excel-bestand. Sla het profiel op als tekst (.txt), of kopieer de tekst en plak die hieronder.",
  "profiles.import.upload.binary": "Dit bestand bevat geen tekst. Kies een .md- of .txt-bestand.",

  // The preview: /beheer/profielen/importeren/<id>
  "profiles.preview.title": "Profiel controleren",
  "profiles.preview.fromFile": "Uit het bestand {file}.",
  "profiles.preview.fromText": "Uit geplakte tekst.",
  "profiles.preview.problems.title": {
    one: "{count} probleem: zo kan het profiel niet worden opgeslagen",
    other: "{count} problemen: zo kan het profiel niet worden opgeslagen",
  },
  "profiles.preview.problems.intro":
    "Verbeter de tekst op de genoemde regels en importeer hem opnieuw. Er is niets opgeslagen.",
  "profiles.preview.problems.line": "Regel {line}",
  "profiles.preview.again": "Opnieuw importeren",
  "profiles.preview.key": "Sleutel",
  "profiles.preview.name": "Naam",
  "profiles.preview.organisationWide": {
    one: "{count} organisatiebrede competentie (***)",
    other: "{count} organisatiebrede competenties (***)",
  },
  "profiles.preview.new": "Een nieuw profiel: het komt als versie 1 in de bibliotheek.",
  "profiles.preview.newVersion":
    "Een nieuwe versie van {name}: nu is versie {current} in gebruik, dit wordt versie {next}.",
  "profiles.preview.unchanged":
    "Ongewijzigd: dit is precies versie {current} van {name}. Opslaan maakt geen nieuwe versie.",
  "profiles.preview.reinstates":
    "Dit profiel staat buiten gebruik; opslaan neemt het weer in gebruik.",
  "profiles.preview.missingOrganisationWide":
    "Dit profiel mist organisatiebrede competenties die de andere profielen van uw organisatie wel hebben. Teams met dit profiel worden daarop niet vergeleken:",
  "profiles.preview.link.title": {
    one: "1 competentie staat al in de bibliotheek",
    other: "{count} competenties staan al in de bibliotheek",
  },
  "profiles.preview.link.intro":
    "Een competentie is één ding in alle profielen van uw organisatie: teamprofielen en de organisatienorm vergelijken haar over de profielen heen. Koppel haar aan de bibliotheek om dezelfde sleutel en formulering te gebruiken (de weergave hierboven laat dat zien). Koppelt u niet, dan wordt zij een eigen competentie met een eigen sleutel.",
  "profiles.preview.link.label": "Koppel aan “{name}” uit de bibliotheek",
  "profiles.preview.link.heldBy": "In: {profiles}.",
  "profiles.preview.link.differs": "Anders in deze tekst: {what}.",
  "profiles.preview.link.difference.id": "de sleutel",
  "profiles.preview.link.difference.name": "de naam",
  "profiles.preview.link.difference.description": "de beschrijving",
  "profiles.preview.link.difference.organisationWide": "de markering organisatiebreed (***)",
  "profiles.preview.link.difference.indicators": "de gedragsindicatoren",
  "audit.action.profile_created": "Profiel aan de bibliotheek toegevoegd",
  "audit.action.profile_version_saved": "Nieuwe versie van een profiel opgeslagen",
  "audit.action.profile_retired": "Profiel buiten gebruik gesteld",
  "audit.action.profile_reinstated": "Profiel weer in gebruik genomen",
  "profiles.preview.save": "Opslaan",
  "profiles.preview.cancel": "Annuleren",
  "profiles.preview.invalid": "Dit profiel heeft problemen en kan niet worden opgeslagen.",

  // One profile: /beheer/profielen/<id>
  "profiles.detail.key": "Sleutel",
  "profiles.detail.status": "Status",
  "profiles.detail.versions.title": "Versies",
  "profiles.detail.versions.version": "Versie",
  "profiles.detail.versions.savedOn": "Opgeslagen op",
  "profiles.detail.versions.rounds": "Rondes met deze versie",
  "profiles.detail.versions.current": "(huidige)",
  "profiles.detail.versions.download": "Markdown",
  "profiles.detail.versions.downloadOf": "Versie {version} als Markdown downloaden",
  "profiles.detail.current.title": "Versie {version}",
  "profiles.detail.export": "Downloaden als Markdown",
  "profiles.detail.importVersion": "Nieuwe versie importeren",
  "profiles.detail.use.title": "Gebruik",
  "profiles.detail.unfinishedRounds": {
    one: "{count} ronde die nog niet is vrijgegeven, gebruikt dit profiel.",
    other: "{count} rondes die nog niet zijn vrijgegeven, gebruiken dit profiel.",
  },
  "profiles.detail.retire": "Buiten gebruik stellen",
  "profiles.detail.retireHint":
    "Nieuwe rondes kunnen het profiel dan niet meer kiezen. Rondes die het gebruikten, houden hun versie en hun rapporten.",
  "profiles.detail.retireBlocked":
    "Buiten gebruik stellen kan pas als die rondes zijn vrijgegeven.",
  "profiles.detail.retiredExplained":
    "Dit profiel staat buiten gebruik: nieuwe rondes kunnen het niet kiezen.",
  "profiles.detail.reinstate": "Weer in gebruik nemen",
  "profiles.detail.inUse": {
    one: "Dit profiel kan niet buiten gebruik: {count} ronde die nog niet is vrijgegeven, gebruikt het.",
    other:
      "Dit profiel kan niet buiten gebruik: {count} rondes die nog niet zijn vrijgegeven, gebruiken het.",
  },

  // The new-round form when the library has no profile to choose
  "profiles.cycleForm.none": "Er zijn nog geen profielen.",
  "profiles.cycleForm.toLibrary": "Zet een profiel in de profielbibliotheek",
  // The editor: /beheer/profielen/<id>/bewerken
  "profiles.detail.edit": "Bewerken",
  "profiles.edit.title": "{name} bewerken",
  "profiles.edit.intro":
    "U bewerkt versie {version}. Bekijk de wijzigingen voordat u ze opslaat: opslaan maakt een nieuwe versie. Rondes die al gestart zijn, houden de versie waarmee ze begonnen.",
  "profiles.edit.profileName": "Naam van het profiel",
  "profiles.edit.profileDescription": "Beschrijving van het profiel",
  "profiles.edit.cluster": "Cluster {number}",
  "profiles.edit.clusterName": "Naam van het cluster",
  "profiles.edit.competency": "Competentie {number}: {name}",
  "profiles.edit.newCompetency": "Competentie {number} (nieuw)",
  "profiles.edit.competencyName": "Naam",
  "profiles.edit.competencyDescription": "Beschrijving",
  "profiles.edit.organisationWide": "Organisatiebreed (***)",
  "profiles.edit.organisationWideHint":
    "Een organisatiebrede competentie is in elk profiel dezelfde; teamprofielen vergelijken erop.",
  "profiles.edit.indicators": "Gedragsindicatoren van {name}",
  "profiles.edit.indicator": "Gedragsindicator {number}",
  "profiles.edit.sharedHint": {
    one: "Deze competentie staat ook in {count} ander profiel: een wijziging geldt daar ook.",
    other: "Deze competentie staat ook in {count} andere profielen: een wijziging geldt daar ook.",
  },
  "profiles.edit.moveUp": "Omhoog",
  "profiles.edit.moveDown": "Omlaag",
  "profiles.edit.remove": "Verwijderen",
  "profiles.edit.ofIndicator": "gedragsindicator {number} van {name}",
  "profiles.edit.ofCompetency": "competentie {name}",
  "profiles.edit.ofCluster": "cluster {name}",
  "profiles.edit.addIndicator": "Gedragsindicator toevoegen",
  "profiles.edit.addIndicatorTo": "aan {name}",
  "profiles.edit.addCompetency": "Competentie toevoegen",
  "profiles.edit.addCompetencyTo": "aan cluster {name}",
  "profiles.edit.addCluster": "Cluster toevoegen",
  "profiles.edit.review": "Wijzigingen bekijken",
  "profiles.edit.save": "Opslaan als nieuwe versie",
  "profiles.edit.cancel": "Annuleren",
  "profiles.edit.unnamed": "(zonder naam)",
  "profiles.edit.unchanged": "Er is niets gewijzigd ten opzichte van versie {version}.",
  "profiles.edit.changedSinceReview":
    "Het formulier is gewijzigd nadat u de wijzigingen bekeek. Bekijk ze hieronder opnieuw en sla dan op.",

  // The review of an edit: what changes against the current version
  "profiles.diff.title": "Wijzigingen ten opzichte van versie {version}",
  "profiles.diff.profileName": "Naam van het profiel",
  "profiles.diff.profileDescription": "Beschrijving van het profiel",
  "profiles.diff.before": "Was",
  "profiles.diff.after": "Wordt",
  "profiles.diff.empty": "(leeg)",
  "profiles.diff.clusters": "Clusters",
  "profiles.diff.cluster.added": "Nieuw cluster: {name}",
  "profiles.diff.cluster.removed": "Cluster verwijderd: {name}",
  "profiles.diff.cluster.renamed": "Cluster {before} heet nu {name}",
  "profiles.diff.cluster.moved": "Cluster {name} staat op een andere plaats",
  "profiles.diff.competency.added": "Nieuwe competentie in {cluster}",
  "profiles.diff.competency.removed":
    "Verwijderd uit het profiel (staat nog in rondes die al gestart zijn)",
  "profiles.diff.competency.renamed": "Naam",
  "profiles.diff.competency.description": "Beschrijving",
  "profiles.diff.competency.organisationWideOn": "Wordt organisatiebreed (***)",
  "profiles.diff.competency.organisationWideOff": "Is niet langer organisatiebreed (***)",
  "profiles.diff.competency.movedCluster": "Verplaatst van cluster {cluster} naar {to}",
  "profiles.diff.competency.movedPosition": "Staat op een andere plaats in {cluster}",
  "profiles.diff.indicator.added": "Nieuwe gedragsindicator",
  "profiles.diff.indicator.removed": "Gedragsindicator verwijderd",
  "profiles.diff.indicator.reworded": "Gedragsindicator anders verwoord",
  "profiles.diff.indicator.moved": "Gedragsindicator op een andere plaats",
  "profiles.diff.shared.title": "Ook in andere profielen",
  "profiles.diff.shared.intro":
    "Een competentie is in de hele bibliotheek dezelfde. Deze profielen krijgen daarom ook een nieuwe versie met de nieuwe tekst:",
  "profiles.diff.shared.item": "{profile}: {competencies}",

  // Problems with an edit
  "profiles.edit.issue.nameRequired": "Vul een naam in van minstens 2 tekens.",
  "profiles.edit.issue.indicatorRequired":
    "Vul de gedragsindicator in (minstens 2 tekens), of verwijder hem.",
  "profiles.edit.issue.tooLong": "Dit mag hoogstens {max} tekens zijn.",
  "profiles.edit.issue.tooMany": "Dit mogen er hoogstens {max} zijn.",
  "profiles.edit.issue.notText": "Hier staat een teken dat geen tekst is; haal het weg.",
  "profiles.edit.issue.noIndicators": "Een competentie heeft minstens één gedragsindicator.",
  "profiles.edit.issue.noCompetencies": "Een cluster heeft minstens één competentie.",
  "profiles.edit.issue.noClusters": "Een profiel heeft minstens één cluster.",
  "profiles.edit.issue.duplicateName": "Er is al een competentie met deze naam in het profiel.",
  "profiles.edit.issue.stale":
    "Dit profiel heeft intussen een nieuwere versie ({version}). Open de bewerkpagina opnieuw; uw wijzigingen hier zijn niet opgeslagen.",
  "profiles.edit.issue.sharedConflict":
    "Profiel {profile} heeft al een andere competentie met deze naam; kies een andere naam.",
  "profiles.edit.issue.retired":
    "Een profiel dat buiten gebruik staat, kunt u niet bewerken. Neem het eerst weer in gebruik.",
  "profiles.edit.issue.starInName":
    "Een naam eindigt niet op *. Organisatiebreed (***) zet u met het vinkje hieronder.",
  "profiles.edit.issue.invalid":
    "Zo kan het profiel niet worden opgeslagen. Controleer namen en gedragsindicatoren en probeer het opnieuw.",
  "profiles.diff.shared.diverged":
    "Deze profielen hebben een andere tekst van dezelfde competentie en veranderen niet mee:",
} as const;

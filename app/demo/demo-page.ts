import type { DemoEntrances, DemoHighlight } from "#db/seed/demo-entrances";
import { invitationPath } from "~/utils/paths";

// What the home page shows of the demo's ways in, and nothing more (page data is shown data):
// per person a name, an address and a description, per invitation its link. Pure.

export interface DemoPerson {
  id: string;
  name: string;
  email: string;
  /** The job title, or the team where there is none. */
  description: string | null;
  highlights?: DemoHighlight[];
}

function shownPerson(person: {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
  jobTitle: string | null;
  highlights?: DemoHighlight[];
}): DemoPerson {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    description: person.jobTitle ?? person.teamName,
    ...(person.highlights ? { highlights: person.highlights } : {}),
  };
}

export function demoPage(demo: DemoEntrances) {
  return {
    organisationName: demo.organisationName,
    people: {
      hrAdmins: demo.people.hrAdmins.map(shownPerson),
      departmentHeads: demo.people.departmentHeads.map(shownPerson),
      teamLeads: demo.people.teamLeads.map(shownPerson),
      employees: demo.people.employees.map(shownPerson),
      otherEmployees: demo.people.otherEmployees.map(shownPerson),
    },
    invitations: demo.invitations.map((invitation) => ({
      href: invitationPath(invitation.token),
      raterName: invitation.raterName,
      relationship: invitation.relationship,
      participantName: invitation.participantName,
      hasDraft: invitation.hasDraft,
    })),
  };
}

export type DemoPage = ReturnType<typeof demoPage>;

/**
 * Each system with its current fact revision, as a FROM clause: `s` the system, `fr` the
 * revision its `current_revision` names. Every reader of "the facts now" starts here, so
 * what "current" means is written once. (A system has a revision from its first upsert;
 * `current_revision > 0` counts the systems this clause yields without the join.)
 */
export const CURRENT_FACTS = `ai_systems s
    JOIN fact_revisions fr ON fr.system_id = s.id AND fr.revision = s.current_revision`;

//! Commands on projects and the work inside them: each calls one store method and says
//! what it did in a line.

use serde_json::{Value, json};

use super::args::{
    BenefitCommand, CharterEdit, CohortCommand, DriverCommand, GatewayChange, IdeaCommand,
    MeasureCommand, NoteCommand, PdsaCommand, PersonCommand, ProjectCommand, StageCommand,
};
use super::{CliError, Output, pretty, render};
use crate::domain::{CharterField, ProjectRef, parse_value};
use crate::store::{
    BenefitField, MeasureField, NewMeasure, NewPdsa, NewProject, PdsaField, ProjectFilter, Store,
};

fn warnings_text(warnings: &[impl std::fmt::Display]) -> String {
    warnings.iter().map(|w| format!("warning: {w}\n")).collect()
}

fn charter_edits(title: &Option<String>, c: &CharterEdit) -> Vec<(CharterField, String)> {
    CharterField::ALL
        .into_iter()
        .filter_map(|field| {
            let value = match field {
                CharterField::Title => title,
                other => c.value(other),
            };
            value.clone().map(|v| (field, v))
        })
        .collect()
}

pub fn project(store: &mut Store, command: &ProjectCommand) -> Output {
    match command {
        ProjectCommand::List { filter, json } => {
            let filter = ProjectFilter::from(filter);
            let rows = store.list_projects(&filter)?;
            if rows.is_empty() && !filter.is_empty() && !*json {
                return Ok("No projects match these filters.\n".into());
            }
            Ok(if *json {
                pretty(&render::projects_json(&rows))
            } else {
                render::projects_text(&rows)
            })
        }
        ProjectCommand::Show { reference, json } => {
            let detail = store.project_detail(*reference)?;
            let today = store.clock().today();
            Ok(if *json {
                pretty(&render::detail_json(&detail, today))
            } else {
                render::detail_text(&detail, today)
            })
        }
        ProjectCommand::Add {
            title,
            charter: c,
            stage,
            status,
            lead,
            sponsor,
            coach,
        } => {
            let new = NewProject {
                title: title.clone(),
                problem: c.problem.clone().unwrap_or_default(),
                aim: c.aim.clone().unwrap_or_default(),
                scope_in: c.scope_in.clone().unwrap_or_default(),
                scope_out: c.scope_out.clone().unwrap_or_default(),
                division: c.division.clone().unwrap_or_default(),
                department: c.department.clone().unwrap_or_default(),
                risks: c.risks.clone().unwrap_or_default(),
                cohort: c.cohort.clone(),
                start_date: c.start,
                target_date: c.target_date,
                stage: stage.clone(),
                status: *status,
                lead: lead.clone(),
                sponsor: sponsor.clone(),
                coach: coach.clone(),
                ..Default::default()
            };
            let reference = store.add_project(&new)?;
            Ok(format!("{reference} added: {title}\n"))
        }
        ProjectCommand::Edit {
            reference,
            title,
            charter,
        } => {
            let fields = charter_edits(title, charter);
            store.edit_project(*reference, &fields, None)?;
            Ok(format!("{reference} updated\n"))
        }
        ProjectCommand::Move { reference, stage } => {
            let outcome = store.move_project(*reference, stage, None)?;
            Ok(format!(
                "{reference} moved to {}\n{}",
                outcome.stage,
                warnings_text(&outcome.warnings)
            ))
        }
        ProjectCommand::Reorder {
            reference,
            direction,
        } => {
            let step = if direction == "up" { -1 } else { 1 };
            Ok(if store.reorder_project(*reference, step)? {
                format!("{reference} moved {direction}\n")
            } else {
                format!(
                    "{reference} is already at the {} of its column\n",
                    if step < 0 { "top" } else { "bottom" }
                )
            })
        }
        ProjectCommand::Status { reference, status } => {
            store.set_status(*reference, *status, None)?;
            Ok(format!("{reference} is now {}\n", status.label()))
        }
        ProjectCommand::Score {
            reference,
            score,
            note,
        } => {
            store.set_score(
                *reference,
                Some(*score),
                "",
                note.as_deref().unwrap_or(""),
                None,
            )?;
            Ok(format!(
                "{reference} scored {score} ({})\n",
                score.meaning()
            ))
        }
        ProjectCommand::Assign {
            reference,
            role,
            person,
        } => {
            store.assign(*reference, *role, person)?;
            Ok(format!("{reference}: {} is {role}\n", person.trim()))
        }
        ProjectCommand::Unassign {
            reference,
            role,
            person,
        } => {
            store.unassign(*reference, *role, person)?;
            Ok(format!(
                "{reference}: {} is no longer {role}\n",
                person.trim()
            ))
        }
        ProjectCommand::Gateway {
            reference,
            item,
            unmet,
        } => match item {
            Some(number) => {
                let text = store.set_gateway_item(*reference, *number, !*unmet)?;
                let word = if *unmet { "not met" } else { "met" };
                Ok(format!("{reference}: gateway \"{text}\" {word}\n"))
            }
            None => {
                let detail = store.project_detail(*reference)?;
                Ok(render::gateway_text(&detail))
            }
        },
        ProjectCommand::Delete { reference } => {
            store.delete_project(*reference, None)?;
            Ok(format!(
                "{reference} deleted (qiboard undo brings it back)\n"
            ))
        }
    }
}

pub fn person(store: &mut Store, command: &PersonCommand) -> Output {
    match command {
        PersonCommand::Add {
            name,
            email,
            division,
        } => {
            store.add_person(name, email.as_deref(), division)?;
            Ok(format!("{} added\n", name.trim()))
        }
        PersonCommand::Rename { name, to } => {
            store.rename_person(name, to)?;
            Ok(format!("{} is now {}\n", name.trim(), to.trim()))
        }
        PersonCommand::Merge { from, into } => {
            store.merge_people(from, into)?;
            Ok(format!("{} merged into {}\n", from.trim(), into.trim()))
        }
        PersonCommand::List { json } => {
            let people = store.people()?;
            if *json {
                return Ok(pretty(&Value::Array(
                    people
                        .iter()
                        .map(|p| json!({"name": p.name, "email": p.email, "division": p.division}))
                        .collect(),
                )));
            }
            let rows: Vec<Vec<String>> = people
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.division.clone(),
                        p.email.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            Ok(render::table(&["NAME", "DIVISION", "EMAIL"], &rows))
        }
    }
}

pub fn cohort(store: &mut Store, command: &CohortCommand) -> Output {
    match command {
        CohortCommand::Add {
            name,
            programme,
            start,
        } => {
            store.add_cohort(name, programme, *start)?;
            Ok(format!("cohort {} added\n", name.trim()))
        }
        CohortCommand::Rename { name, to } => {
            store.rename_cohort(name, to)?;
            Ok(format!("cohort {} is now {}\n", name.trim(), to.trim()))
        }
        CohortCommand::Show { cohort, json } => super::sessions::cohort_show(store, cohort, *json),
        CohortCommand::Enrol { cohort, people } => super::sessions::enrol(store, cohort, people),
        CohortCommand::List { json } => {
            let cohorts = store.cohorts()?;
            if *json {
                return Ok(pretty(&Value::Array(
                    cohorts
                        .iter()
                        .map(|c| json!({"name": c.name, "programme": c.programme, "start_date": c.start_date}))
                        .collect(),
                )));
            }
            let rows: Vec<Vec<String>> = cohorts
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        c.programme.clone(),
                        c.start_date.map_or("-".into(), |d| d.to_string()),
                    ]
                })
                .collect();
            Ok(render::table(&["COHORT", "PROGRAMME", "START"], &rows))
        }
    }
}

pub fn stage(store: &mut Store, command: &StageCommand) -> Output {
    let json = match command {
        StageCommand::List { json } => json,
        StageCommand::Edit { stage, name, wip } => {
            if name.is_none() && wip.is_none() {
                return Err(CliError::bad_input(
                    "say what to change: --name NAME or --wip N|none",
                ));
            }
            let s = store.edit_stage(stage, name.as_deref(), *wip, None)?;
            let wip = s
                .wip_limit
                .map_or("no WIP limit".to_string(), |w| format!("WIP limit {w}"));
            return Ok(format!("stage {}: {}, {wip}\n", s.position, s.name));
        }
        StageCommand::Gateway { stage, change } => {
            let s = match change {
                GatewayChange::Add { text } => store.add_gateway_item(stage, text)?,
                GatewayChange::Remove { text } => store.remove_gateway_item(stage, text)?,
            };
            let mut said = format!("{} gateway:\n", s.name);
            for (i, item) in s.gateway.iter().enumerate() {
                said.push_str(&format!("  {}. {item}\n", i + 1));
            }
            return Ok(said);
        }
    };
    let stages = store.stages()?;
    if *json {
        return Ok(pretty(&Value::Array(
            stages
                .iter()
                .map(|s| {
                    json!({"number": s.position, "key": s.key, "name": s.name,
                           "wip_limit": s.wip_limit, "gateway": s.gateway})
                })
                .collect(),
        )));
    }
    let rows: Vec<Vec<String>> = stages
        .iter()
        .map(|s| {
            vec![
                s.position.to_string(),
                s.key.clone(),
                s.name.clone(),
                s.wip_limit.map_or("-".into(), |w| w.to_string()),
            ]
        })
        .collect();
    Ok(render::table(&["#", "KEY", "STAGE", "WIP"], &rows))
}

pub fn driver(store: &mut Store, command: &DriverCommand) -> Output {
    match command {
        DriverCommand::Add {
            reference,
            text,
            level,
            parent,
        } => {
            store.add_driver(*reference, *level, text, parent.as_deref())?;
            Ok(format!("{reference}: {} driver added\n", level.key()))
        }
        DriverCommand::Rename {
            reference,
            driver,
            to,
        } => {
            store.rename_driver(*reference, driver, to)?;
            Ok(format!("{reference}: driver renamed to {}\n", to.trim()))
        }
        DriverCommand::Delete { reference, driver } => {
            store.delete_driver(*reference, driver)?;
            Ok(format!("{reference}: driver deleted: {}\n", driver.trim()))
        }
    }
}

pub fn idea(store: &mut Store, command: &IdeaCommand) -> Output {
    match command {
        IdeaCommand::Add {
            reference,
            title,
            drivers,
        } => {
            store.add_change_idea(*reference, title, drivers)?;
            Ok(format!("{reference}: change idea added\n"))
        }
        IdeaCommand::Rename {
            reference,
            title,
            to,
        } => {
            store.rename_change_idea(*reference, title, to)?;
            Ok(format!(
                "{reference}: change idea renamed to {}\n",
                to.trim()
            ))
        }
        IdeaCommand::Delete { reference, title } => {
            store.delete_change_idea(*reference, title)?;
            Ok(format!(
                "{reference}: change idea deleted: {}\n",
                title.trim()
            ))
        }
    }
}

pub fn pdsa(store: &mut Store, command: &PdsaCommand) -> Output {
    match command {
        PdsaCommand::Add {
            reference,
            change_idea,
            objective,
            prediction,
            plan,
            start,
            end,
            measures,
        } => {
            let number = store.add_pdsa(
                *reference,
                &NewPdsa {
                    change_idea: change_idea.clone(),
                    objective: objective.clone(),
                    predictions: prediction.clone(),
                    plan: plan.clone(),
                    start_date: *start,
                    end_date: *end,
                    measures: measures.clone(),
                },
            )?;
            Ok(format!("{reference}: PDSA {number} added\n"))
        }
        PdsaCommand::List { reference, json } => {
            let cycles = store.pdsa_cycles(*reference)?;
            Ok(if *json {
                pretty(&Value::Array(
                    cycles.iter().map(render::pdsa_json).collect(),
                ))
            } else {
                render::pdsa_text(&cycles)
            })
        }
        PdsaCommand::Act {
            reference,
            cycle,
            decision,
            study,
            next,
            do_notes,
            end,
        } => {
            let mut fields = vec![PdsaField::Act(Some(*decision))];
            fields.extend(study.clone().map(PdsaField::Study));
            fields.extend(next.clone().map(PdsaField::NextStep));
            fields.extend(do_notes.clone().map(PdsaField::Do));
            fields.extend(end.map(|d| PdsaField::EndDate(Some(d))));
            store.edit_pdsa(*reference, *cycle, &fields, None)?;
            Ok(format!("{reference}: PDSA {cycle} act: {decision}\n"))
        }
        PdsaCommand::Edit {
            reference,
            cycle,
            objective,
            prediction,
            plan,
            do_notes,
            study,
            next,
            start,
            end,
        } => {
            let mut fields = Vec::new();
            fields.extend(objective.clone().map(PdsaField::Objective));
            fields.extend(prediction.clone().map(PdsaField::Predictions));
            fields.extend(plan.clone().map(PdsaField::Plan));
            fields.extend(do_notes.clone().map(PdsaField::Do));
            fields.extend(study.clone().map(PdsaField::Study));
            fields.extend(next.clone().map(PdsaField::NextStep));
            fields.extend(start.map(|d| PdsaField::StartDate(Some(d))));
            fields.extend(end.map(|d| PdsaField::EndDate(Some(d))));
            store.edit_pdsa(*reference, *cycle, &fields, None)?;
            Ok(format!("{reference}: PDSA {cycle} updated\n"))
        }
    }
}

fn target(input: &str) -> Result<Option<f64>, CliError> {
    if input.trim().eq_ignore_ascii_case("none") || input.trim().is_empty() {
        return Ok(None);
    }
    parse_value(input)
        .map(Some)
        .map_err(|e| CliError::bad_input(format!("--target: {e}")))
}

fn measure_points(store: &Store, reference: ProjectRef, measure: &str, json: bool) -> Output {
    let points = store.data_points(reference, measure)?;
    if json {
        return Ok(pretty(&Value::Array(
            points
                .iter()
                .map(|p| json!({"date": p.date, "value": p.value, "annotation": p.annotation}))
                .collect(),
        )));
    }
    let rows: Vec<Vec<String>> = points
        .iter()
        .map(|p| {
            vec![
                p.date.to_string(),
                p.value.to_string(),
                p.annotation.replace('\n', " "),
            ]
        })
        .collect();
    Ok(render::table(&["DATE", "VALUE", "NOTE"], &rows))
}

pub fn measure(store: &mut Store, command: &MeasureCommand) -> Output {
    match command {
        MeasureCommand::Add {
            reference,
            name,
            kind,
            direction,
            unit,
            target,
            definition,
            source,
            frequency,
        } => {
            store.add_measure(
                *reference,
                &NewMeasure {
                    name: name.clone(),
                    kind: *kind,
                    direction: *direction,
                    definition: definition.clone(),
                    unit: unit.clone(),
                    source: source.clone(),
                    frequency: frequency.clone(),
                    target: *target,
                },
            )?;
            Ok(format!("{reference}: measure {} added\n", name.trim()))
        }
        MeasureCommand::Edit {
            reference,
            name,
            rename,
            kind,
            direction,
            unit,
            target: new_target,
            definition,
            source,
            frequency,
        } => {
            let mut fields = Vec::new();
            fields.extend(rename.clone().map(MeasureField::Name));
            fields.extend(kind.map(MeasureField::Kind));
            fields.extend(direction.map(MeasureField::Direction));
            fields.extend(unit.clone().map(MeasureField::Unit));
            if let Some(t) = new_target {
                fields.push(MeasureField::Target(target(t)?));
            }
            fields.extend(definition.clone().map(MeasureField::Definition));
            fields.extend(source.clone().map(MeasureField::Source));
            fields.extend(frequency.clone().map(MeasureField::Frequency));
            store.edit_measure(*reference, name, &fields)?;
            Ok(format!("{reference}: measure {} updated\n", name.trim()))
        }
        MeasureCommand::Rebase {
            reference,
            name,
            date,
            reason,
        } => {
            store.rebase_measure(*reference, name, *date, reason)?;
            Ok(format!("{reference}: {} rebased at {date}\n", name.trim()))
        }
        MeasureCommand::Record {
            reference,
            measure,
            date,
            value,
            note,
        } => {
            let outcome = store.record_point(*reference, measure, *date, *value, note)?;
            Ok(match outcome.replaced {
                Some(old) => format!(
                    "{reference}: {} on {date} replaced {old} with {value} (qiboard undo restores it)\n",
                    measure.trim()
                ),
                None => format!(
                    "{reference}: {} on {date} recorded: {value}\n",
                    measure.trim()
                ),
            })
        }
        MeasureCommand::Import {
            reference,
            measure,
            file,
            sheet,
        } => super::spc::measure_import(store, *reference, measure, file, sheet.as_deref()),
        MeasureCommand::Delete { reference, name } => {
            store.delete_measure(*reference, name)?;
            Ok(format!("{reference}: measure deleted: {}\n", name.trim()))
        }
        MeasureCommand::Main { reference, name } => {
            super::spc::measure_main(store, *reference, name)
        }
        MeasureCommand::List { reference, json } => {
            let measures = store.measures(*reference)?;
            let main = store.main_measure(*reference)?;
            Ok(if *json {
                pretty(&Value::Array(
                    measures
                        .iter()
                        .map(|m| {
                            let mut json = render::measure_json(m);
                            json["main"] = Value::Bool(main.as_deref() == Some(m.name.as_str()));
                            json
                        })
                        .collect(),
                ))
            } else {
                render::measures_text(&measures)
            })
        }
        MeasureCommand::Points {
            reference,
            measure,
            json,
        } => measure_points(store, *reference, measure, *json),
    }
}

pub fn benefit(store: &mut Store, command: &BenefitCommand) -> Output {
    match command {
        BenefitCommand::Add {
            reference,
            kind,
            amount,
            unit,
            note,
            date,
        } => {
            let claimed = date.unwrap_or_else(|| store.clock().today());
            store.add_benefit(*reference, *kind, *amount, unit, note, claimed)?;
            Ok(format!("{reference}: benefit claimed: {amount} {unit}\n"))
        }
        BenefitCommand::Edit {
            reference,
            number,
            kind,
            amount,
            unit,
            note,
            date,
        } => {
            let fields: Vec<BenefitField> = [
                kind.map(BenefitField::Kind),
                amount.map(BenefitField::Amount),
                unit.clone().map(BenefitField::Unit),
                note.clone().map(BenefitField::Note),
                date.map(BenefitField::Claimed),
            ]
            .into_iter()
            .flatten()
            .collect();
            store.edit_benefit(*reference, *number, &fields)?;
            Ok(format!("{reference}: benefit {number} edited\n"))
        }
        BenefitCommand::Delete { reference, number } => {
            store.delete_benefit(*reference, *number)?;
            Ok(format!("{reference}: benefit {number} deleted\n"))
        }
    }
}

pub fn note(store: &mut Store, command: &NoteCommand) -> Output {
    match command {
        NoteCommand::Add { reference, text } => {
            store.add_note(*reference, text)?;
            Ok(format!("{reference}: note added\n"))
        }
        NoteCommand::Edit {
            reference,
            number,
            text,
        } => {
            store.edit_note(*reference, *number, text)?;
            Ok(format!("{reference}: note {number} edited\n"))
        }
        NoteCommand::Delete { reference, number } => {
            store.delete_note(*reference, *number)?;
            Ok(format!("{reference}: note {number} deleted\n"))
        }
    }
}

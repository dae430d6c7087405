//! Where each field is in a CSV file, and one row read into an item.

use super::*;

/// Where each field is in the file: column indexes, in alias order then file order.
pub(super) struct Layout {
    /// Header names as written in the file (trimmed), for messages.
    names: Vec<String>,
    title: Vec<usize>,
    description: Vec<usize>,
    kind: Vec<usize>,
    status: Vec<usize>,
    points: Vec<usize>,
    moscow: Vec<usize>,
    priority: Vec<usize>,
    tags: Vec<usize>,
    assignee: Vec<usize>,
    sprint: Vec<usize>,
    acceptance: Vec<usize>,
    blocked: Vec<usize>,
    created: Vec<usize>,
    updated: Vec<usize>,
    resolved: Vec<usize>,
    pub(super) key: Vec<usize>,
    issue_id: Vec<usize>,
    url: Vec<usize>,
    repository: Vec<usize>,
    pub(super) parent: Vec<usize>,
    wsjf: [Vec<usize>; 4],
    rice: [Vec<usize>; 4],
}

/// A non-empty, trimmed value, with the name of its column (for messages).
pub(super) struct Cell<'r> {
    pub(super) header: &'r str,
    pub(super) value: &'r str,
}

impl Layout {
    pub(super) fn new(header: &StringRecord) -> Result<Layout, CsvError> {
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
            .map(str::to_string)
            .collect();
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        let lower = lower.as_slice();
        let find = |aliases: &[&str]| -> Vec<usize> {
            aliases
                .iter()
                .flat_map(|a| (0..lower.len()).filter(move |&i| lower[i] == *a))
                .collect()
        };
        let title = find(TITLE);
        if title.is_empty() {
            return Err(CsvError::NoTitleColumn { found: names });
        }
        Ok(Layout {
            title,
            description: find(DESCRIPTION),
            kind: find(KIND),
            status: find(STATUS),
            points: find(POINTS),
            moscow: find(MOSCOW),
            priority: find(PRIORITY),
            tags: find(TAGS),
            assignee: find(ASSIGNEE),
            sprint: find(SPRINT),
            acceptance: find(ACCEPTANCE),
            blocked: find(BLOCKED),
            created: find(CREATED),
            updated: find(UPDATED),
            resolved: find(RESOLVED),
            key: find(KEY),
            issue_id: find(ISSUE_ID),
            url: find(URL),
            repository: find(REPOSITORY),
            parent: find(PARENT),
            wsjf: [
                find(BUSINESS_VALUE),
                find(TIME_CRITICALITY),
                find(RISK_REDUCTION),
                find(JOB_SIZE),
            ],
            rice: [find(REACH), find(IMPACT), find(CONFIDENCE), find(EFFORT)],
            names,
        })
    }

    /// The first non-empty value among `cols`.
    fn cell<'r>(&'r self, row: &'r StringRecord, cols: &[usize]) -> Option<Cell<'r>> {
        cols.iter().find_map(|&i| {
            let value = row.get(i)?.trim();
            let header = self.names.get(i)?;
            (!value.is_empty()).then_some(Cell { header, value })
        })
    }

    fn value<'r>(&'r self, row: &'r StringRecord, cols: &[usize]) -> Option<&'r str> {
        self.cell(row, cols).map(|c| c.value)
    }

    /// Every non-empty value among `cols`, in file order (Jira repeats Labels and Sprint).
    fn values<'r>(&self, row: &'r StringRecord, cols: &[usize]) -> Vec<&'r str> {
        let mut cols = cols.to_vec();
        cols.sort_unstable();
        cols.iter()
            .filter_map(|&i| row.get(i).map(str::trim))
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Which fields the file has a column for: a re-import updates only those.
    pub(super) fn has(&self) -> Has {
        Has {
            status: !self.status.is_empty(),
            points: !self.points.is_empty(),
            tags: !self.tags.is_empty(),
            sprint: !self.sprint.is_empty(),
            parent: !self.parent.is_empty(),
            priority: !self.priority.is_empty(),
            moscow: !self.moscow.is_empty(),
        }
    }

    /// The tool that wrote the file, from its header.
    pub(super) fn source(&self) -> Source {
        let has = |name: &str| self.names.iter().any(|n| n.eq_ignore_ascii_case(name));
        if has("issue key") {
            Source::Jira
        } else if has("card id") || has("card name") {
            Source::Trello
        } else if has("repository") || (has("url") && has("title")) {
            Source::GitHub
        } else {
            Source::Csv
        }
    }

    /// The row's key in its source: the key column, else (GitHub) `owner/repo#42` from the URL.
    fn key(&self, row: &StringRecord) -> Option<String> {
        if let Some(k) = self.value(row, &self.key) {
            let repo = self.value(row, &self.repository);
            return Some(
                match (k.strip_prefix('#').unwrap_or(k).parse::<u64>(), repo) {
                    (Ok(n), Some(repo)) => format!("{repo}#{n}"),
                    (Ok(n), None) if k.starts_with('#') || !self.repository.is_empty() => {
                        format!("#{n}")
                    }
                    _ => k.to_string(),
                },
            );
        }
        self.value(row, &self.url).and_then(github_key)
    }

    /// A date cell, read in Jira's, GitHub's or ISO form; an unreadable one is the row's problem.
    fn date(&self, row: &StringRecord, cols: &[usize]) -> Result<Option<Date>, String> {
        let Some(c) = self.cell(row, cols) else {
            return Ok(None);
        };
        let column = cols
            .iter()
            .find(|&&i| row.get(i).map(str::trim) == Some(c.value))
            .map_or(0, |i| i + 1);
        parse_date(c.value).map(Some).ok_or_else(|| {
            format!(
                "{} (column {column}) \"{}\" is not a date: expected Jira's 01/Nov/26 10:15 AM \
                 or 01/Nov/26, or ISO 2026-11-01 or 2026-11-01T10:15:00Z",
                c.header, c.value
            )
        })
    }

    /// Builds the item for one row, or says why the row cannot be imported.
    pub(super) fn row(
        &self,
        board: &Board,
        row: &StringRecord,
        id: ItemId,
        today: Date,
        options: &Options,
    ) -> Result<Row, String> {
        let mut warnings = Vec::new();
        let title = self
            .value(row, &self.title)
            .ok_or_else(|| "empty title".to_string())?;
        let status = map_status(board, self.value(row, &self.status).unwrap_or(""))?;
        let points = match self.cell(row, &self.points) {
            // GitHub's Size field is a T-shirt size, not an estimate.
            Some(c) if is_tshirt(c.value) => {
                warnings.push(format!(
                    "{} \"{}\" is a T-shirt size, not story points; left unestimated",
                    c.header, c.value
                ));
                None
            }
            Some(c) => parse_points(&c, &mut warnings)?,
            None => None,
        };
        let wsjf = self.wsjf(row, &mut warnings)?;
        let rice = self.rice(row, &mut warnings)?;

        let kind = match self.value(row, &self.kind) {
            Some(v) => parse_kind(v).unwrap_or_else(|| {
                warnings.push(format!("unknown issue type \"{v}\"; imported as a story"));
                ItemKind::Story
            }),
            None => ItemKind::Story,
        };
        let mut item = Item::new(id, kind, title, status, today);
        item.description = self.value(row, &self.description).unwrap_or("").to_string();
        item.points = points;
        item.wsjf = wsjf;
        item.rice = rice;
        item.priority = self
            .value(row, &self.priority)
            .filter(|p| !matches!(p.to_lowercase().as_str(), "none" | "-" | "no priority"))
            .map(str::to_string);
        let (moscow, moscow_from) = self.moscow(row, options, &mut warnings);
        item.moscow = moscow;
        item.tags = split_tags(&self.values(row, &self.tags));
        item.assignee = self
            .value(row, &self.assignee)
            .and_then(|v| v.split(',').map(str::trim).find(|v| !v.is_empty()))
            .unwrap_or("")
            .to_string();
        item.sprint = self.sprint(board, row, &mut warnings);
        item.acceptance = self
            .value(row, &self.acceptance)
            .unwrap_or("")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        item.blocked = self.value(row, &self.blocked).map(str::to_string);
        // Dates come from the file; one that cannot be read is the row's problem, never today.
        let created = self.date(row, &self.created)?;
        let updated = self.date(row, &self.updated)?;
        let resolved = self.date(row, &self.resolved)?;
        if let Some(created) = created {
            item.created = created;
        }
        item.updated = updated.or(created).unwrap_or(today).max(item.created);
        if item.status == board.done_column() {
            item.done = Some(resolved.or(updated).unwrap_or_else(|| {
                warnings.push("done, with no Resolved or Updated date; done today".to_string());
                today
            }));
        }
        // The limits the forms and load keep (lengths, score ranges, dates), in their words.
        crate::model::value::check_item(&item)?;
        let sprints = self
            .values(row, &self.sprint)
            .into_iter()
            .map(str::to_string);
        Ok(Row {
            item,
            warnings,
            key: self.key(row),
            source_id: self.value(row, &self.issue_id).map(str::to_string),
            parent: self.cell(row, &self.parent).map(|c| {
                let name = github_key(c.value).unwrap_or_else(|| c.value.to_string());
                (c.header.to_string(), name)
            }),
            sprints: sprints.collect(),
            source_updated: updated,
            moscow_from,
            existing: false,
        })
    }

    /// The MoSCoW column when it has a value, else (with `--moscow-from-priority` only) the
    /// priority's MoSCoW, returned with the priority it came from.
    fn moscow(
        &self,
        row: &StringRecord,
        options: &Options,
        warnings: &mut Vec<String>,
    ) -> (Option<Moscow>, Option<(String, Moscow)>) {
        if let Some(v) = self.value(row, &self.moscow) {
            let m = parse_moscow(v);
            if m.is_none() {
                warnings.push(format!(
                    "MoSCoW \"{v}\" is not must, should, could or won't; left unset"
                ));
            }
            return (m, None);
        }
        if !options.moscow_from_priority {
            return (None, None);
        }
        let Some(v) = self.value(row, &self.priority) else {
            return (None, None);
        };
        match priority_moscow(v) {
            Ok(Some(m)) => (Some(m), Some((v.to_string(), m))),
            Ok(None) => (None, None),
            Err(()) => {
                warnings.push(format!(
                    "priority \"{v}\" has no MoSCoW equivalent; MoSCoW left unset"
                ));
                (None, None)
            }
        }
    }

    /// The latest sprint named in the row that is an open sprint of the board.
    fn sprint(
        &self,
        board: &Board,
        row: &StringRecord,
        warnings: &mut Vec<String>,
    ) -> Option<SprintId> {
        let names = self.values(row, &self.sprint);
        let found = names.iter().rev().find_map(|name| {
            board
                .sprints
                .iter()
                .find(|s| {
                    s.state != SprintState::Closed
                        && s.name.trim().to_lowercase() == name.to_lowercase()
                })
                .map(|s| s.id)
        });
        if found.is_none()
            && let Some(name) = names.last()
        {
            warnings.push(format!(
                "sprint \"{name}\" is not an open sprint of this board; left in the backlog"
            ));
        }
        found
    }

    fn wsjf(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Result<Option<Wsjf>, String> {
        let [bv, tc, rr, js] = &self.wsjf;
        let values = [
            self.number::<u8>(row, bv)?,
            self.number::<u8>(row, tc)?,
            self.number::<u8>(row, rr)?,
            self.number::<u8>(row, js)?,
        ];
        Ok(match values {
            [
                Some(business_value),
                Some(time_criticality),
                Some(risk_reduction),
                Some(job_size),
            ] => Some(Wsjf {
                business_value,
                time_criticality,
                risk_reduction,
                job_size,
            }),
            [None, None, None, None] => None,
            _ => {
                warnings.push(
                    "WSJF needs Business Value, Time Criticality, Risk Reduction and Job Size; \
                     left unscored"
                        .to_string(),
                );
                None
            }
        })
    }

    fn rice(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Result<Option<Rice>, String> {
        let [reach, impact, confidence, effort] = &self.rice;
        let reach = self.number::<u32>(row, reach)?;
        let impact = match self.cell(row, impact) {
            Some(c) => Some(parse_impact(c.value).ok_or_else(|| {
                format!(
                    "{} \"{}\" is not Minimal, Low, Medium, High or Massive",
                    c.header, c.value
                )
            })?),
            None => None,
        };
        let confidence = match self.cell(row, confidence) {
            Some(c) => {
                let trimmed = Cell {
                    header: c.header,
                    value: c.value.trim_end_matches('%').trim_end(),
                };
                let n = number::<u8>(&trimmed)?;
                if n > 100 {
                    return Err(format!("{} \"{}\" is over 100%", c.header, c.value));
                }
                Some(n)
            }
            None => None,
        };
        let effort = self.number::<u16>(row, effort)?;
        Ok(match (reach, impact, confidence, effort) {
            (Some(reach), Some(impact), Some(confidence), Some(effort)) => Some(Rice {
                reach,
                impact,
                confidence,
                effort,
            }),
            (None, None, None, None) => None,
            _ => {
                warnings.push(
                    "RICE needs Reach, Impact, Confidence and Effort; left unscored".to_string(),
                );
                None
            }
        })
    }

    fn number<T: TryFrom<u64>>(
        &self,
        row: &StringRecord,
        cols: &[usize],
    ) -> Result<Option<T>, String> {
        self.cell(row, cols).map(|c| number(&c)).transpose()
    }
}

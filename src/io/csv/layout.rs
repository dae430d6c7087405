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
    resolved: Vec<usize>,
    key: Vec<usize>,
    epic: Vec<usize>,
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
            resolved: find(RESOLVED),
            key: find(KEY),
            epic: find(EPIC),
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

    /// Builds the item for one row, or says why the row cannot be imported.
    pub(super) fn row(
        &self,
        board: &Board,
        row: &StringRecord,
        id: ItemId,
        today: Date,
    ) -> Result<Row, String> {
        let mut warnings = Vec::new();
        let title = self
            .value(row, &self.title)
            .ok_or_else(|| "empty title".to_string())?;
        let status = map_status(board, self.value(row, &self.status).unwrap_or(""))?;
        let points = match self.cell(row, &self.points) {
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
        item.moscow = self.moscow(row, &mut warnings);
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
        if let Some(created) = self.value(row, &self.created).and_then(parse_date) {
            item.created = created;
        }
        if item.status == board.done_column() {
            let resolved = self.value(row, &self.resolved).and_then(parse_date);
            item.done = Some(resolved.unwrap_or(today));
        }
        // The limits the forms and load keep (lengths, score ranges, dates), in their words.
        crate::model::value::check_item(&item)?;
        Ok(Row {
            item,
            warnings,
            key: self.value(row, &self.key).map(str::to_string),
            epic: self.value(row, &self.epic).map(str::to_string),
        })
    }

    /// The MoSCoW column when it has a value, else the Priority column.
    fn moscow(&self, row: &StringRecord, warnings: &mut Vec<String>) -> Option<Moscow> {
        if let Some(v) = self.value(row, &self.moscow) {
            let m = parse_moscow(v);
            if m.is_none() {
                warnings.push(format!(
                    "MoSCoW \"{v}\" is not must, should, could or won't; left unset"
                ));
            }
            return m;
        }
        let v = self.value(row, &self.priority)?;
        let m = priority_moscow(v);
        if let Err(()) = m {
            warnings.push(format!(
                "priority \"{v}\" has no MoSCoW equivalent; MoSCoW left unset"
            ));
        }
        m.ok().flatten()
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

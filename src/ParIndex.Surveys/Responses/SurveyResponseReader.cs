using ParIndex.Core.Numbers;
using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Responses;

/// <summary>
/// Reads the rows of a response table against a questionnaire and a column mapping, one row at a
/// time: every problem goes to the collector with its row and column, valid rows yield
/// <see cref="SurveyAnswer"/>s (and feed a <see cref="SurveyScorer"/> when given). A row with any
/// problem yields nothing.
/// <para>Memory does not grow with the file. Repeated respondents (wide), repeated answers to a
/// question and a respondent filed under two units (long) can only be known once every row is
/// read: the reader notes each row's respondent id in a <see cref="DuplicateFinder"/> (bounded
/// buffer, sorted runs in a temporary file, merged at the end) and reports those problems when the
/// last row is read, in row order among the others. A row whose only problem is found then (a
/// duplicate) has already been given to the scorer and <c>output</c>: use the scores and answers
/// of a pass only when its report is valid, as <see cref="Import.SurveyImporter"/> does. The
/// report's counts leave such rows out, as before. Dispose the reader (or read to the end) to
/// release the temporary file early.</para>
/// <para>Blank answer cells are "no answer" and are skipped; an answer key that is not on the
/// question's scale is a problem; "không biết" keys are accepted and scored as not valid.</para>
/// </summary>
public sealed class SurveyResponseReader : IDisposable
{
    /// <summary>What a UTF-8 decoder puts where the bytes were not UTF-8 (a CSV saved in a legacy code page).</summary>
    private const char Utf8Replacement = '\uFFFD';

    private const string NotUtf8 = "Ô chứa ký tự không đọc được: tệp không ở mã UTF-8; hãy lưu lại dạng \"CSV UTF-8\".";

    private readonly IResponseTable table;
    private readonly Questionnaire questionnaire;
    private readonly SurveyColumnMapping mapping;
    private readonly SurveyProblemCollector problems;
    private readonly SurveyScorer? scorer;
    private readonly Dictionary<string, int> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> unitLookup;
    private readonly List<string> unitNames = [];
    private readonly List<int> respondentsOfUnit = [];
    private readonly List<(SurveyQuestion Question, AnswerOption Option)> rowAnswers = [];
    private readonly PriorityQueue<(SurveyImportProblem Problem, int Offset), (int Row, int Offset)> lateKept =
        new(Comparer<(int Row, int Offset)>.Create((a, b) => b.CompareTo(a)));
    private readonly int keptAtStart;
    private readonly bool[] questionSeen;
    private readonly int respondentColumn = -1;
    private readonly int unitColumn = -1;
    private readonly int weightColumn = -1;
    private readonly int questionColumn = -1;
    private readonly int answerColumn = -1;
    private readonly (int Column, SurveyQuestion Question)[] questionColumns = [];
    private readonly bool headerOk;
    private readonly bool checkDuplicates;
    private readonly int fixedUnit = -1;
    private readonly int[] questionStamp = [];
    private DuplicateFinder? finder;
    private int keyStamp;
    private int keyFirstUnit;
    private bool keyCounted;
    private int lateTotal;
    private int dataRows;
    private bool emptyReported;
    private long answers;

    /// <param name="checkDuplicates">False skips the duplicate-respondent check (and its temporary file) on a pass over a file already validated.</param>
    public SurveyResponseReader(IResponseTable table, Questionnaire questionnaire, SurveyColumnMapping mapping, SurveyProblemCollector problems,
        SurveyScorer? scorer = null, bool checkDuplicates = true)
        : this(table, questionnaire, mapping, problems, scorer, checkDuplicates, countRespondents: true, DuplicateFinder.DefaultRunRecords, null)
    {
    }

    /// <param name="countRespondents">
    /// Long shape: false leaves <see cref="SurveyValidationReport.Respondents"/> at 0 when duplicates are not checked,
    /// which saves the respondent sort on a writing pass whose report nobody reads.
    /// </param>
    /// <param name="runRecords">Rows sorted in memory per run of the duplicate check (small in tests, to exercise the merge).</param>
    /// <param name="tempDirectory">Where the duplicate check's temporary file goes; null for the system's.</param>
    internal SurveyResponseReader(IResponseTable table, Questionnaire questionnaire, SurveyColumnMapping mapping, SurveyProblemCollector problems,
        SurveyScorer? scorer, bool checkDuplicates, bool countRespondents, int runRecords, string? tempDirectory)
    {
        this.checkDuplicates = checkDuplicates;
        this.table = table ?? throw new ArgumentNullException(nameof(table));
        this.questionnaire = questionnaire ?? throw new ArgumentNullException(nameof(questionnaire));
        this.mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));
        this.problems = problems ?? throw new ArgumentNullException(nameof(problems));
        this.scorer = scorer;
        unitLookup = units.GetAlternateLookup<ReadOnlySpan<char>>();
        questionSeen = new bool[questionnaire.Questions.Count];
        keptAtStart = problems.Kept.Count;
        var before = problems.Total;
        var header = table.Header;
        if (header.Count == 0)
        {
            problems.Add(1, 0, null, "Tệp trống: không có dòng tiêu đề.");
            return;
        }

        var used = new HashSet<int>();
        respondentColumn = Column(mapping.RespondentColumn, SurveyColumnMapping.RespondentCandidates, "mã người trả lời", required: true, used);
        if (mapping.FixedUnit is null)
        {
            unitColumn = Column(mapping.UnitColumn, SurveyColumnMapping.UnitCandidates, "đơn vị", required: true, used);
        }
        else if (mapping.UnitColumn is not null)
        {
            problems.Add(1, 0, null, "Chỉ chọn một trong hai: cột đơn vị hoặc một đơn vị cố định.");
        }
        else if (mapping.KnownUnits is { } known && !known.Contains(mapping.FixedUnit))
        {
            problems.Add(1, 0, null, $"Đơn vị \"{mapping.FixedUnit}\" không có trong danh sách đơn vị.");
        }

        if (mapping.WeightColumn is not null)
        {
            weightColumn = Column(mapping.WeightColumn, [], "trọng số", required: true, used);
        }

        if (mapping.Shape == ResponseShape.Long)
        {
            questionColumn = Column(mapping.QuestionColumn, [], "câu hỏi", required: true, used);
            answerColumn = Column(mapping.AnswerColumn, [], "câu trả lời", required: true, used);
        }
        else
        {
            questionColumns = MatchQuestionColumns(header, used);
        }

        headerOk = problems.Total == before;
        if (mapping.FixedUnit is { } fixedCode)
        {
            fixedUnit = AddUnit(fixedCode);
        }

        var shapeNeedsKeys = mapping.Shape == ResponseShape.Long ? checkDuplicates || countRespondents : checkDuplicates;
        if (headerOk && shapeNeedsKeys)
        {
            finder = new DuplicateFinder(runRecords, DuplicateFinder.DefaultFanIn, tempDirectory);
            questionStamp = new int[questionnaire.Questions.Count];
        }
    }

    /// <summary>Releases the duplicate check's temporary file, when the reader is left before the end of the file.</summary>
    public void Dispose()
    {
        finder?.Dispose();
        finder = null;
    }

    /// <summary>Reads the next data row; false at the end of the file (or when the header is unusable).</summary>
    /// <param name="output">Receives the row's answers when the row is valid; null to validate only.</param>
    public bool ReadRow(List<SurveyAnswer>? output)
    {
        if (!headerOk)
        {
            return false;
        }

        while (true)
        {
            bool more;
            try
            {
                more = table.ReadRow();
            }
            catch (SurveyFileFormatException ex)
            {
                problems.Add(ex.Row, 0, null, ex.Message);
                FinishKeys();
                return false;
            }

            if (!more)
            {
                if (dataRows == 0 && !emptyReported)
                {
                    // Stored, it would be an empty batch that changes no score yet blocks the questionnaire.
                    emptyReported = true;
                    problems.Add(1, 0, null, "Tệp chỉ có dòng tiêu đề, không có dòng câu trả lời nào: không có gì để nhập.");
                }

                FinishKeys();
                return false;
            }

            if (!IsBlankRow())
            {
                break;
            }
        }

        dataRows++;
        var before = problems.Total;
        var row = table.RowNumber;
        rowAnswers.Clear();
        CheckExtraCells(row);

        var respondentCell = table.Cell(respondentColumn).Trim();
        if (respondentCell.IsEmpty)
        {
            Problem(row, respondentColumn, "Thiếu mã người trả lời.");
        }
        else if (respondentCell.Contains(Utf8Replacement))
        {
            Problem(row, respondentColumn, NotUtf8);
        }

        var unitIndex = ReadUnit(row);
        var unit = unitIndex >= 0 ? unitNames[unitIndex] : null;
        var weight = ReadWeight(row);
        // Problems found after the pass (a repeated respondent) go after these ones of the row.
        var problemsBefore = problems.Total - before;
        var questionIndex = -1;
        var answerInvalid = false;
        if (mapping.Shape == ResponseShape.Wide)
        {
            foreach (var (column, q) in questionColumns)
            {
                ReadAnswer(row, column, q);
            }
        }
        else
        {
            questionIndex = ReadLongAnswer(row, deferAnswerProblem: checkDuplicates && !respondentCell.IsEmpty, out answerInvalid);
            problemsBefore = problems.Total - before;
        }

        var valid = problems.Total == before && !answerInvalid;
        if (finder is not null && !respondentCell.IsEmpty)
        {
            var facts = new RowFacts(row, unitIndex, (short)questionIndex, (ushort)Math.Min(rowAnswers.Count, ushort.MaxValue),
                (byte)Math.Min(problemsBefore, byte.MaxValue), (valid ? RowFlags.Valid : RowFlags.None) | (answerInvalid ? RowFlags.AnswerInvalid : RowFlags.None));
            finder.Add(respondentCell, facts, answerInvalid ? table.Cell(answerColumn).Trim() : default);
        }

        if (!valid)
        {
            return true;
        }

        answers += rowAnswers.Count;
        if (mapping.Shape == ResponseShape.Wide)
        {
            // Long shape: counted after the pass, under the unit of the respondent's first valid row.
            CountRespondent(unitIndex);
        }

        var respondentId = output is null ? "" : respondentCell.ToString();
        foreach (var (question, option) in rowAnswers)
        {
            scorer?.Add(unit!, question, option, weight ?? 1m);
            output?.Add(new SurveyAnswer(unit!, respondentId, question.Code, option.Key, weight));
        }

        return true;
    }

    /// <summary>Reads to the end; the report of the whole file.</summary>
    public SurveyValidationReport ReadToEnd()
    {
        while (ReadRow(null))
        {
        }

        return Report();
    }

    /// <summary>The report of the rows read so far; complete (duplicates included) once <see cref="ReadRow"/> has returned false.</summary>
    public SurveyValidationReport Report()
    {
        var unmatched = questionnaire.Questions.Where((q, i) => !questionSeen[i]).Select(q => q.Code).ToList();
        var perUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < respondentsOfUnit.Count; i++)
        {
            if (respondentsOfUnit[i] > 0)
            {
                perUnit[unitNames[i]] = respondentsOfUnit[i];
            }
        }

        return new SurveyValidationReport(problems.Kept.ToList(), problems.Total, dataRows, perUnit.Values.Sum(), answers, perUnit, unmatched);
    }

    private void ReadAnswer(int row, int column, SurveyQuestion question)
    {
        var cell = table.Cell(column).Trim();
        if (cell.IsEmpty)
        {
            return;
        }

        var option = question.Scale.Find(cell);
        if (option is null)
        {
            Problem(row, column, NotOnScale(question, cell));
            return;
        }

        rowAnswers.Add((question, option));
    }

    private static string NotOnScale(SurveyQuestion question, ReadOnlySpan<char> cell) =>
        $"Câu {question.Code}: phương án \"{cell}\" không có trong thang trả lời ({string.Join(", ", question.Scale.Options.Select(o => o.Key))}).";

    /// <summary>Long shape: reads the question and answer cells; the question's index, or −1.</summary>
    /// <param name="deferAnswerProblem">
    /// True when the row goes to the duplicate check: a repeated (respondent, question) row reports
    /// the repetition instead of its answer, so the answer's problem waits for that check.
    /// </param>
    private int ReadLongAnswer(int row, bool deferAnswerProblem, out bool answerInvalid)
    {
        answerInvalid = false;
        var code = table.Cell(questionColumn).Trim();
        if (code.IsEmpty)
        {
            Problem(row, questionColumn, "Thiếu mã câu hỏi.");
            return -1;
        }

        var index = FindQuestion(code);
        if (index < 0)
        {
            Problem(row, questionColumn, $"Câu hỏi \"{code}\" không có trong phiếu {questionnaire.Id}.");
            return -1;
        }

        var question = questionnaire.Questions[index];
        questionSeen[index] = true;
        if (!deferAnswerProblem)
        {
            ReadAnswer(row, answerColumn, question);
            return index;
        }

        var cell = table.Cell(answerColumn).Trim();
        if (!cell.IsEmpty)
        {
            if (question.Scale.Find(cell) is { } option)
            {
                rowAnswers.Add((question, option));
            }
            else
            {
                answerInvalid = true;
            }
        }

        return index;
    }

    /// <summary>
    /// After the last row: visits every noted row by respondent, reports repeated respondents
    /// (wide), repeated answers and a respondent under two units (long), takes the rows they
    /// invalidate back out of the counts, and counts the long shape's respondents.
    /// </summary>
    private void FinishKeys()
    {
        if (finder is not { } keys)
        {
            return;
        }

        try
        {
            keys.Visit(mapping.Shape == ResponseShape.Wide ? VisitWide : VisitLong);
        }
        finally
        {
            keys.Dispose();
            finder = null;
        }

        var late = new List<(SurveyImportProblem Problem, int Offset)>(lateKept.Count);
        while (lateKept.TryDequeue(out var problem, out _))
        {
            late.Add(problem);
        }

        late.Reverse();
        problems.AddInRowOrder(late, lateTotal, keptAtStart);
    }

    private void VisitWide(SortedRow row)
    {
        if (row.NewKey || !checkDuplicates)
        {
            return;
        }

        var facts = row.Facts;
        if (Keeps(facts.Row, facts.ProblemsBefore))
        {
            Late(facts.Row, facts.ProblemsBefore, respondentColumn, $"Mã người trả lời \"{row.Key()}\" đã xuất hiện ở một dòng trước.");
        }

        if (facts.Flags.HasFlag(RowFlags.Valid))
        {
            answers -= facts.Answers;
            respondentsOfUnit[facts.Unit]--;
        }
    }

    private void VisitLong(SortedRow row)
    {
        if (row.NewKey)
        {
            keyStamp++;
            keyFirstUnit = -1;
            keyCounted = false;
        }

        var facts = row.Facts;
        var offset = (int)facts.ProblemsBefore;
        var invalid = false;
        if (checkDuplicates && facts.Question >= 0)
        {
            var question = questionnaire.Questions[facts.Question];
            if (questionStamp[facts.Question] == keyStamp)
            {
                invalid = true;
                if (Keeps(facts.Row, offset))
                {
                    Late(facts.Row, offset, questionColumn, $"Người trả lời \"{row.Key()}\" đã có câu trả lời cho câu {question.Code} ở một dòng trước.");
                }

                offset++;
            }
            else
            {
                questionStamp[facts.Question] = keyStamp;
                if (facts.Flags.HasFlag(RowFlags.AnswerInvalid))
                {
                    if (Keeps(facts.Row, offset))
                    {
                        Late(facts.Row, offset, answerColumn, NotOnScale(question, row.Extra()));
                    }

                    offset++;
                }
            }
        }

        // A respondent's rows must name one unit, or their answers would score two units.
        if (checkDuplicates && facts.Unit >= 0 && mapping.FixedUnit is null)
        {
            if (keyFirstUnit < 0)
            {
                keyFirstUnit = facts.Unit;
            }
            else if (keyFirstUnit != facts.Unit)
            {
                invalid = true;
                if (Keeps(facts.Row, offset))
                {
                    Late(facts.Row, offset, unitColumn, $"Người trả lời \"{row.Key()}\" đã thuộc đơn vị {unitNames[keyFirstUnit]} ở dòng trước, dòng này ghi đơn vị {unitNames[facts.Unit]}.");
                }
            }
        }

        if (!facts.Flags.HasFlag(RowFlags.Valid))
        {
            return;
        }

        if (invalid)
        {
            answers -= facts.Answers;
        }
        else if (!keyCounted)
        {
            // Counted once, under the unit of the respondent's first valid row.
            CountRespondent(facts.Unit);
            keyCounted = true;
        }
    }

    /// <summary>Counts a problem found after the pass; true when it may be among the first kept ones (build its message then).</summary>
    private bool Keeps(int row, int offset)
    {
        lateTotal++;
        return lateKept.Count < SurveyProblemCollector.MaxKept || (lateKept.TryPeek(out _, out var last) && (row, offset).CompareTo(last) < 0);
    }

    /// <summary>Keeps the first <see cref="SurveyProblemCollector.MaxKept"/> late problems by row (a max-heap drops the last).</summary>
    private void Late(int row, int offset, int column, string message)
    {
        var problem = new SurveyImportProblem(row, column + 1, column >= 0 && column < table.Header.Count ? table.Header[column] : null, message);
        if (lateKept.Count < SurveyProblemCollector.MaxKept)
        {
            lateKept.Enqueue((problem, offset), (row, offset));
        }
        else
        {
            lateKept.EnqueueDequeue((problem, offset), (row, offset));
        }
    }

    /// <summary>The index of the row's unit in <see cref="unitNames"/>, or −1 (with a problem).</summary>
    private int ReadUnit(int row)
    {
        if (fixedUnit >= 0)
        {
            return fixedUnit;
        }

        var cell = table.Cell(unitColumn).Trim();
        if (cell.IsEmpty)
        {
            Problem(row, unitColumn, "Thiếu mã đơn vị.");
            return -1;
        }

        if (unitLookup.TryGetValue(cell, out var unit))
        {
            return unit;
        }

        if (cell.Contains(Utf8Replacement))
        {
            Problem(row, unitColumn, NotUtf8);
            return -1;
        }

        var code = cell.ToString();
        if (mapping.KnownUnits is { } known && !known.Contains(code))
        {
            Problem(row, unitColumn, $"Đơn vị \"{code}\" không có trong danh sách đơn vị.");
            return -1;
        }

        return AddUnit(code);
    }

    private int AddUnit(string code)
    {
        var index = unitNames.Count;
        units.Add(code, index);
        unitNames.Add(code);
        respondentsOfUnit.Add(0);
        return index;
    }

    /// <summary>Counts the respondent once, under the unit of their first valid row.</summary>
    private void CountRespondent(int unit) => respondentsOfUnit[unit]++;

    private decimal? ReadWeight(int row)
    {
        if (weightColumn < 0)
        {
            return null;
        }

        var cell = table.Cell(weightColumn).Trim();
        if (cell.IsEmpty)
        {
            return null;
        }

        if (!VietnameseNumbers.TryParse(cell.ToString(), out var weight) || weight <= 0)
        {
            Problem(row, weightColumn, $"Trọng số \"{cell}\" phải là một số lớn hơn 0.");
            return null;
        }

        return weight;
    }

    private bool IsBlankRow()
    {
        for (var i = 0; i < table.CellCount; i++)
        {
            if (!table.Cell(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Cells right of the header usually mean an unquoted delimiter shifted the row: refuse rather than misread.</summary>
    private void CheckExtraCells(int row)
    {
        for (var i = table.Header.Count; i < table.CellCount; i++)
        {
            if (!table.Cell(i).IsWhiteSpace())
            {
                problems.Add(row, i + 1, null, $"Dòng có {table.CellCount} ô, nhiều hơn {table.Header.Count} cột của dòng tiêu đề (có dấu phân cách thừa trong một ô không đặt trong dấu nháy?).");
                return;
            }
        }
    }

    private void Problem(int row, int column, string message) =>
        problems.Add(row, column + 1, column >= 0 && column < table.Header.Count ? table.Header[column] : null, message);

    private int FindQuestion(ReadOnlySpan<char> code)
    {
        var questions = questionnaire.Questions;
        for (var i = 0; i < questions.Count; i++)
        {
            if (code.Equals(questions[i].Code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int Column(string? named, IReadOnlyList<string> candidates, string what, bool required, HashSet<int> used)
    {
        var header = table.Header;
        if (named is not null)
        {
            var index = IndexOf(header, named);
            if (index < 0)
            {
                problems.Add(1, 0, null, $"Không có cột \"{named}\" ({what}) trong dòng tiêu đề.");
            }
            else
            {
                used.Add(index);
            }

            return index;
        }

        foreach (var candidate in candidates)
        {
            var index = IndexOf(header, candidate);
            if (index >= 0)
            {
                used.Add(index);
                return index;
            }
        }

        if (required)
        {
            problems.Add(1, 0, null, candidates.Count > 0
                ? $"Không tìm thấy cột {what}: hãy chỉ rõ tên cột (các tên được tự nhận: {string.Join(", ", candidates)})."
                : $"Không tìm thấy cột {what}.");
        }

        return -1;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private (int Column, SurveyQuestion Question)[] MatchQuestionColumns(IReadOnlyList<string> header, HashSet<int> used)
    {
        var explicitMap = new Dictionary<string, string>(mapping.QuestionColumns.Select(kv => KeyValuePair.Create(kv.Key.Trim(), kv.Value.Trim())), StringComparer.OrdinalIgnoreCase);
        foreach (var (column, code) in explicitMap)
        {
            if (IndexOf(header, column) < 0)
            {
                problems.Add(1, 0, null, $"Không có cột \"{column}\" (ánh xạ tới câu {code}) trong dòng tiêu đề.");
            }

            if (FindQuestion(code) < 0)
            {
                problems.Add(1, 0, null, $"Ánh xạ cột \"{column}\" tới câu \"{code}\", nhưng phiếu {questionnaire.Id} không có câu này.");
            }
        }

        var matched = new List<(int, SurveyQuestion)>();
        var columnOf = new Dictionary<int, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (used.Contains(i) || header[i].Length == 0)
            {
                continue;
            }

            var name = header[i];
            var code = explicitMap.TryGetValue(name, out var mapped) ? mapped : name;
            var index = FindQuestion(code);
            if (index < 0 && !explicitMap.ContainsKey(name) && name.LastIndexOf('/') is var slash and >= 0)
            {
                index = FindQuestion(name.AsSpan(slash + 1));
            }

            if (index < 0)
            {
                continue;
            }

            if (columnOf.TryGetValue(index, out var first))
            {
                problems.Add(1, i + 1, name, $"Câu {questionnaire.Questions[index].Code} đã có ở cột {SurveyImportProblem.Letter(first + 1)} ({header[first]}).");
                continue;
            }

            columnOf[index] = i;
            questionSeen[index] = true;
            matched.Add((i, questionnaire.Questions[index]));
        }

        if (matched.Count == 0)
        {
            problems.Add(1, 0, null, $"Không có cột nào khớp với mã câu hỏi của phiếu {questionnaire.Id} ({string.Join(", ", questionnaire.Questions.Select(q => q.Code))}); hãy khai báo ánh xạ cột.");
        }

        return [.. matched];
    }
}

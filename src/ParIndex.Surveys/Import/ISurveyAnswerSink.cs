using ParIndex.Core.Surveys;

namespace ParIndex.Surveys.Import;

/// <summary>
/// Where imported answers go, in bulk: begin a batch, write many answers, then commit or roll
/// back. The database implementations (Npgsql binary COPY on PostgreSQL, prepared commands in one
/// transaction on SQLite) live with the data layer; <see cref="InMemorySurveyAnswerSink"/> serves
/// tests and benchmarks. A sink must make nothing of a batch visible before <see cref="CommitAsync"/>.
/// </summary>
public interface ISurveyAnswerSink
{
    /// <summary>True when a batch with this content hash was committed before (re-import is refused).</summary>
    Task<bool> ContainsBatchAsync(string contentHash, CancellationToken cancellationToken = default);

    Task BeginBatchAsync(SurveyBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Writes answers of the open batch; the memory may be reused by the caller after the task completes.</summary>
    Task WriteAsync(ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);

    Task RollbackAsync(CancellationToken cancellationToken = default);
}

/// <summary>One imported file: its SHA-256 (hex, lower case), the questionnaire and where it came from.</summary>
public sealed record SurveyBatch(string ContentHash, string QuestionnaireId, string RespondentGroup, string SourceName, int Respondents, long Answers);

namespace ParIndex.Documents.Appraisal;

/// <summary>
/// What the appraisal says about one leaf: the appraised score (null: the self score is accepted
/// as it is), the survey score of a survey leaf (null: not yet known), and the appraiser's reason.
/// </summary>
public sealed record LeafAppraisal(decimal? AppraisedScore = null, decimal? SurveyScore = null, string Reason = "");

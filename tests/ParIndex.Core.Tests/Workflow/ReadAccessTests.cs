using ParIndex.Core.Workflow;

namespace ParIndex.Core.Tests.Workflow;

public class ReadAccessTests
{
    private static readonly AssessmentStatus[] BeforeSent = [AssessmentStatus.Draft, AssessmentStatus.Submitted, AssessmentStatus.UnderAppraisal];

    private static readonly AssessmentStatus[] AfterSent = [AssessmentStatus.PreliminarySent, AssessmentStatus.Responded, AssessmentStatus.Final, AssessmentStatus.Published];

    [Theory]
    [InlineData(Reader.Administrator)]
    [InlineData(Reader.Coordinator)]
    [InlineData(Reader.Appraiser)]
    [InlineData(Reader.CouncilChair)]
    public void System_wide_readers_see_everything_in_every_state(Reader reader)
    {
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            Assert.Equal(new ReadRights(true, LeafScope.All, true, true, true, true), ReadAccess.For(reader, status));
        }
    }

    [Theory]
    [InlineData(Reader.UnitEditor)]
    [InlineData(Reader.UnitLead)]
    public void The_unit_sees_its_self_assessment_always_and_the_appraisal_only_once_the_preliminary_result_is_sent(Reader reader)
    {
        foreach (var status in BeforeSent)
        {
            Assert.Equal(new ReadRights(true, LeafScope.All, false, false, true, false), ReadAccess.For(reader, status));
        }

        foreach (var status in AfterSent)
        {
            Assert.Equal(new ReadRights(true, LeafScope.All, true, true, true, true), ReadAccess.For(reader, status));
        }
    }

    [Fact]
    public void A_contributing_agency_sees_its_fields_only_and_never_the_whole_table()
    {
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            var rights = ReadAccess.For(Reader.ContributingAgency, status);
            Assert.True(rights.Opens);
            Assert.Equal(LeafScope.AssignedFields, rights.Leaves);
            Assert.Equal(ReadAccess.AppraisalSent(status), rights.Appraisal);
            Assert.False(rights.Result);
            Assert.False(rights.SelfAssessmentTable);
            Assert.False(rights.AppraisalTable);
        }
    }

    [Theory]
    [InlineData(Reader.OtherUnit)]
    [InlineData(Reader.Anonymous)]
    public void Other_units_and_anonymous_readers_see_nothing_of_an_assessment(Reader reader)
    {
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            Assert.Equal(ReadRights.Nothing, ReadAccess.For(reader, status));
        }
    }

    [Fact]
    public void Appraisal_history_lines_are_hidden_from_the_unit_until_the_result_is_sent()
    {
        var during = ReadAccess.For(Reader.UnitLead, AssessmentStatus.UnderAppraisal);
        var after = ReadAccess.For(Reader.UnitLead, AssessmentStatus.PreliminarySent);
        foreach (var field in HistoryFields.Appraisal)
        {
            Assert.False(ReadAccess.ShowsHistoryField(during, field));
            Assert.True(ReadAccess.ShowsHistoryField(after, field));
            Assert.True(ReadAccess.ShowsHistoryField(ReadAccess.For(Reader.Appraiser, AssessmentStatus.UnderAppraisal), field));
        }

        foreach (var field in new[] { "Score", "Explanation", "Points", "Status", "SurveyScore", "ResponseText" })
        {
            Assert.True(ReadAccess.ShowsHistoryField(during, field));
            Assert.False(ReadAccess.ShowsHistoryField(ReadRights.Nothing, field));
        }
    }

    [Theory]
    [InlineData(WorkflowAction.Approve, Role.CouncilChair)]
    [InlineData(WorkflowAction.Publish, Role.Coordinator)]
    [InlineData(WorkflowAction.SendPreliminary, Role.Coordinator)]
    [InlineData(WorkflowAction.StartAppraisal, Role.Appraiser)]
    public void The_role_check_of_an_action_does_not_depend_on_any_state(WorkflowAction action, Role allowed)
    {
        Assert.Null(WorkflowRules.RefuseRole(action, [allowed]));
        var refusal = WorkflowRules.RefuseRole(action, [Role.UnitLead, Role.UnitEditor]);
        Assert.NotNull(refusal);
        Assert.Contains(ActionNames.Vietnamese(action), refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("trạng thái", refusal, StringComparison.Ordinal);
        // The same words as the state machine's own refusal of a wrong role.
        foreach (var status in Enum.GetValues<AssessmentStatus>())
        {
            var decision = WorkflowRules.Decide(status, action, [Role.UnitLead]);
            if (decision.Refusal == WorkflowRefusal.Forbidden)
            {
                Assert.Equal(refusal, decision.Reason);
            }
        }
    }
}

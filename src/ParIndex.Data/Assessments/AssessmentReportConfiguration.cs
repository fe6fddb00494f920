using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Assessments;

internal sealed class AssessmentReportConfiguration : IEntityTypeConfiguration<AssessmentReport>
{
    public void Configure(EntityTypeBuilder<AssessmentReport> builder)
    {
        builder.HasKey(r => r.AssessmentId);
        builder.Property(r => r.SuperiorBody).HasMaxLength(TextLimits.Name);
        builder.Property(r => r.DocumentNumber).HasMaxLength(TextLimits.DocumentNumber);
        builder.Property(r => r.Place).HasMaxLength(TextLimits.ReportLine);
        builder.Property(r => r.Difficulties).HasMaxLength(TextLimits.ReportText);
        builder.Property(r => r.Recommendations).HasMaxLength(TextLimits.ReportText);
        builder.Property(r => r.Recipients).HasMaxLength(TextLimits.Recipients);
        builder.Property(r => r.SignerAuthority).HasMaxLength(TextLimits.ReportLine);
        builder.Property(r => r.SignerTitle).HasMaxLength(TextLimits.ReportLine);
        builder.Property(r => r.SignerName).HasMaxLength(TextLimits.FullName);
        builder.Property(r => r.UpdatedBy).HasMaxLength(TextLimits.UserName);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Assessment).WithOne().HasForeignKey<AssessmentReport>(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

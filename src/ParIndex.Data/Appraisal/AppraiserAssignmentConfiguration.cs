using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParIndex.Data.Appraisal;

internal sealed class AppraiserAssignmentConfiguration : IEntityTypeConfiguration<AppraiserAssignment>
{
    public void Configure(EntityTypeBuilder<AppraiserAssignment> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(TextLimits.UserName);
        builder.Property(a => a.CodePrefix).HasMaxLength(TextLimits.CriterionCode);
        builder.HasIndex(a => new { a.CampaignId, a.UserName });
        builder.HasOne(a => a.Campaign).WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParIndex.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssessmentReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessmentReports",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SuperiorBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Difficulties = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Recommendations = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SignerAuthority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentReports", x => x.AssessmentId);
                    table.ForeignKey(
                        name: "FK_AssessmentReports_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentReports");
        }
    }
}

package io.urop.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.urop.test.structure.ServiceStructure;

/** auth-service keeps the structure every service keeps ({@link ServiceStructure}). */
@AnalyzeClasses(packages = "io.urop.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class AuthServiceStructureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceStructure.class);
}
